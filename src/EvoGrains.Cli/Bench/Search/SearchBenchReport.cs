using System.Globalization;
using System.Text;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// The search benchmark's section of bench-results/search.md: one section per spec, the latest run each.
/// </summary>
public static class SearchBenchReport
{
    public const string Title = "# Does the search pay? Each method against random search at equal budget";

    public static string Merge(string existing, string specName, string section) =>
        BenchResultsFile.MergeSection(existing, Title, specName, section);

    /// <param name="load">The 1-minute load average before and after the run.</param>
    public static string Section(
        SearchBenchResult result,
        string specFile,
        (double Before, double After) load,
        string figure)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {result.SpecName}"));
        text.AppendLine();
        text.AppendLine(
            Invariant($"`{specFile}`, {result.Repeats} independent searches per method (one island each, no ")
            + "migration, own search seed; repeat r of every method starts from the same seed), each "
            + Invariant($"with a budget of {result.TrainingSteps} training steps (steps x seeds; no clock budget). ")
            + "Each search's winner (its hall of fame's best) and CE were then retrained "
            + Invariant($"{result.TestSeeds} times for {result.FinalSteps} steps with seeds no search used, on the ")
            + Invariant($"**test set**. {result.Seconds / 60:F0} min wall on {Environment.ProcessorCount} cores, ")
            + Invariant($"load average {load.Before:F2} before and {load.After:F2} after; ")
            + Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine();
        text.AppendLine(Invariant($"![best so far]({figure})"));
        text.AppendLine();
        text.AppendLine(
            Invariant($"| method | winners' test accuracy (mean ± std over {result.Repeats}) | 95% CI | p vs ")
            + "random: Mann-Whitney / Welch | median final best (validation) | p vs random: "
            + "Mann-Whitney / Welch |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var m in result.Methods)
        {
            text.AppendLine(
                Invariant($"| {m.Method} | {m.WinnerTestMean:F4} ± {m.WinnerTestStd:F4} | ")
                + Invariant($"{Interval(m.WinnerTestMean, m.WinnerTestHalfWidth)} | {P(m.MannWhitneyTestP)} / ")
                + Invariant($"{P(m.WelchTestP)} | {m.FinalBestMedian:F4} | {P(m.MannWhitneyValidationP)} / ")
                + Invariant($"{P(m.WelchValidationP)} |"));
        }

        text.AppendLine();
        text.AppendLine(Diagnostics(result));
        text.AppendLine(
            "| method | repeat | seed | evaluations | training steps | best validation | winner's test accuracy | "
            + "CE's test accuracy | winner | s |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in result.Runs.OrderBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Repeat))
        {
            var ce = run.CrossEntropyTest.Count == 0 ? double.NaN : run.CrossEntropyTest.Average();
            text.AppendLine(
                Invariant($"| {run.Method} | {run.Repeat + 1} | {run.Seed} | {run.Evaluations} | ")
                + Invariant($"{run.TrainingSteps} | {run.BestValidation:F4} | {run.WinnerTestMean:F4} | {ce:F4} | ")
                + Invariant($"`{run.WinnerExpression}` | {run.Seconds:F0} |"));
        }

        return text.ToString();
    }

    /// <summary>
    /// Why: per method, medians over its searches of what <see cref="SearchBenchDiagnostics"/> measures.
    /// </summary>
    private static string Diagnostics(SearchBenchResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(
            "Why (medians over each method's searches): the share of generated losses rejected by screening or "
            + "dropped as duplicates; for bred children, Spearman's rho of child against parent fitness, the share "
            + "that beat their best parent and the mean change; the leave-one-out rank correlation of a "
            + "phenotype-nearest-neighbour surrogate over the search's results; the validation gap between the best "
            + "and the fifth-best loss; and the seed-to-seed standard deviation of a winner's test accuracy (the "
            + "noise selection must see through).");
        text.AppendLine();
        text.AppendLine(
            "| method | rejected | duplicates | bred children | parent-child rho | improved | mean change | "
            + "surrogate rho | best - 5th best | seed std |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var method in result.Methods)
        {
            var runs = result.Runs.Where(r => r.Method == method.Method).ToList();
            var bred = runs.SelectMany(r => r.Diagnostics.Operators)
                .Where(o => double.IsFinite(o.ImprovedShare))
                .ToList();
            text.AppendLine(
                Invariant($"| {method.Method} | {Median(runs.Select(r => r.Diagnostics.RejectedShare)):P1} | ")
                + Invariant($"{Median(runs.Select(r => r.Diagnostics.DuplicateShare)):P1} | ")
                + Invariant($"{bred.Sum(o => o.Children)} | {Median(bred.Select(o => o.ParentCorrelation)):F3} | ")
                + Invariant($"{Median(bred.Select(o => o.ImprovedShare)):P1} | ")
                + Invariant($"{Median(bred.Select(o => o.MeanChange)):F4} | ")
                + Invariant($"{Median(runs.Select(r => r.Diagnostics.SurrogateCorrelation)):F3} | ")
                + Invariant($"{Median(runs.Select(r => r.Diagnostics.TopFiveGap)):F4} | ")
                + Invariant($"{Median(runs.Select(r => r.WinnerTestStd)):F4} |"));
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values) =>
        values.Where(double.IsFinite).ToList() is { Count: > 0 } finite
            ? MathNet.Numerics.Statistics.Statistics.Median(finite)
            : double.NaN;

    private static string Interval(double mean, double half) =>
        double.IsFinite(half) ? Invariant($"{mean - half:F4}–{mean + half:F4}") : "—";

    private static string P(double p) => double.IsNaN(p) ? "—" : p < 0.001 ? "< 0.001" : Invariant($"{p:F3}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
