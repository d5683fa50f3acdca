using System.Globalization;
using System.Text;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>The search benchmark's section of bench-results/search.md: one section per spec, the latest run each.</summary>
public static class SearchBenchReport
{
    public const string Title = "# Does the search pay? Each method against random search at equal budget";

    public static string Merge(string existing, string specName, string section) =>
        BenchResultsFile.MergeSection(existing, Title, specName, section);

    /// <param name="load">The 1-minute load average before and after the run.</param>
    public static string Section(SearchBenchResult result, string specFile, (double Before, double After) load, string figure)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {result.SpecName}"));
        text.AppendLine();
        text.AppendLine(Invariant($"`{specFile}`, {result.Repeats} independent searches per method (one island each, no migration, own search seed; repeat r of every method starts from the same seed), each with a budget of {result.TrainingSteps} training steps (steps x seeds; no clock budget). Each search's winner (its hall of fame's best) and CE were then retrained {result.TestSeeds} times for {result.FinalSteps} steps with seeds no search used, on the **test set**. {result.Seconds / 60:F0} min wall on {Environment.ProcessorCount} cores, load average {load.Before:F2} before and {load.After:F2} after; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine();
        text.AppendLine(Invariant($"![best so far]({figure})"));
        text.AppendLine();
        text.AppendLine(Invariant($"| method | winners' test accuracy (mean ± std over {result.Repeats}) | 95% CI | p vs random: Mann-Whitney / Welch | median final best (validation) | p vs random: Mann-Whitney / Welch |"));
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var m in result.Methods)
        {
            text.AppendLine(Invariant($"| {m.Method} | {m.WinnerTestMean:F4} ± {m.WinnerTestStd:F4} | {Interval(m.WinnerTestMean, m.WinnerTestHalfWidth)} | {P(m.MannWhitneyTestP)} / {P(m.WelchTestP)} | {m.FinalBestMedian:F4} | {P(m.MannWhitneyValidationP)} / {P(m.WelchValidationP)} |"));
        }

        text.AppendLine();
        text.AppendLine("| method | repeat | seed | evaluations | training steps | best validation | winner's test accuracy | CE's test accuracy | winner | s |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in result.Runs.OrderBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Repeat))
        {
            var ce = run.CrossEntropyTest.Count == 0 ? double.NaN : run.CrossEntropyTest.Average();
            text.AppendLine(Invariant($"| {run.Method} | {run.Repeat + 1} | {run.Seed} | {run.Evaluations} | {run.TrainingSteps} | {run.BestValidation:F4} | {run.WinnerTestMean:F4} | {ce:F4} | `{run.WinnerExpression}` | {run.Seconds:F0} |"));
        }

        return text.ToString();
    }

    private static string Interval(double mean, double half) => double.IsFinite(half) ? Invariant($"{mean - half:F4}–{mean + half:F4}") : "—";

    private static string P(double p) => double.IsNaN(p) ? "—" : p < 0.001 ? "< 0.001" : Invariant($"{p:F3}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
