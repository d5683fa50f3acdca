using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench;

/// <summary>
/// The fidelity benchmark's section of bench-results/fidelity.md: one section per spec, the latest run each.
/// </summary>
public static class FidelityBenchReport
{
    public const string Title = "# Rank fidelity: first rung against the final budget";

    /// <summary>Issue 16's target for Spearman's rho between the first rung and the final budget.</summary>
    public const double TargetSpearman = 0.8;

    public static string Merge(string existing, string specName, string section) =>
        BenchResultsFile.MergeSection(existing, Title, specName, section);

    /// <param name="load">The 1-minute load average before and after the run (NaN where the system does not
    /// say).</param>
    /// <param name="figure">The scatter plot's file name next to the results file, when one was drawn.</param>
    public static string Section(
        FidelityBenchmarkResult result,
        string specFile,
        (double Before, double After) load,
        string? figure = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (first, final, trainers) = (result.FirstRung, result.Final, result.Trainers);
        var baselines = result.Rows.Where(r => r.IsBaseline).Select(r => r.Name).ToList();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {result.SpecName}"));
        text.AppendLine();
        text.AppendLine(
            Invariant($"`{specFile}`: {result.Dataset}, {result.Model}, {Images(first.TrainImages)}; ")
            + Invariant($"{baselines.Count} baselines ({string.Join(", ", baselines)}) and ")
            + Invariant($"{result.Rows.Count - baselines.Count} screened candidates, the first the spec's random ")
            + "control proposes.");
        text.AppendLine(
            Invariant($"First rung: {Budget(first)}. Final budget (the final stage's test round): {Budget(final)}."));
        text.AppendLine(
            Invariant($"Trained through the search's evaluator: {trainers.Count} trainer(s) x {trainers.Threads} ")
            + Invariant($"libtorch thread(s); the first rung in packs of up to {trainers.PackSize} losses (x the ")
            + "rung's seeds), the test runs one at a time as the final stage trains them; "
            + Invariant($"{result.Seconds:F0} s wall; {Environment.ProcessorCount} cores ({Cpu()}), load average ")
            + Invariant($"{load.Before:F2} before and {load.After:F2} after; {DateTime.UtcNow:yyyy-MM-dd HH:mm} ")
            + "UTC.");
        text.AppendLine();
        text.AppendLine(
            "| loss | first rung, validation (mean ± spread) | final, test (mean ± std) | first-rung rank | final "
            + "rank | failed: first rung / final runs |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in result.Rows.OrderBy(r => r.FinalRank).ThenBy(r => r.FirstRungRank))
        {
            text.AppendLine(
                Invariant($"| {Name(row)} | {Percent(row.FirstRungMean, row.FirstRungSpread)} | ")
                + Invariant($"{Percent(row.FinalMean, row.FinalStd)} | {row.FirstRungRank:0.#} | ")
                + Invariant($"{row.FinalRank:0.#} | {(row.FirstRungFailed ? "yes" : "no")} / {row.FinalFailed} |"));
        }

        text.AppendLine();
        text.AppendLine(
            Invariant($"Spearman's rho {Interval(result.Spearman)}; Kendall's tau-b {Interval(result.Kendall)} ")
            + Invariant($"({Resampling(result.Spearman)})."));
        text.AppendLine(
            Invariant($"Issue 16's target, Spearman >= {TargetSpearman:0.0#}: {Verdict(result.Spearman)}."));
        if (figure is not null)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"![first rung against the final budget]({figure})"));
        }

        return text.ToString();
    }

    private static string Budget(FidelityBudget budget) =>
        Invariant($"{budget.Steps} steps, {budget.Seeds.Count} seed(s) ({string.Join(", ", budget.Seeds)}), ")
        + Invariant($"{budget.Split} accuracy");

    private static string Images(int trainImages) =>
        trainImages > 0 ? Invariant($"{trainImages:N0} training images") : "the whole training split";

    private static string Name(FidelityRow row) =>
        row.IsBaseline
            ? row.Name
            : Invariant($"`{row.Expression.Replace("|", "\\|", StringComparison.Ordinal)}` ({row.Name[..8]})");

    private static string Percent(double mean, double spread) =>
        Invariant($"{mean * 100:F2}% ± {(double.IsFinite(spread) ? Invariant($"{spread * 100:F2}") : "n/a")}");

    private static string Interval(BootstrapInterval interval) => double.IsFinite(interval.Estimate)
        ? Invariant($"{interval.Estimate:F3} (95% CI {Bound(interval.Lower)} to {Bound(interval.Upper)})")
        : "undefined (no order on one side)";

    private static string Bound(double value) => double.IsFinite(value) ? Invariant($"{value:F3}") : "n/a";

    private static string Resampling(BootstrapInterval interval) =>
        Invariant($"percentile bootstrap over the losses, {interval.Resamples} resamples, ")
        + Invariant($"{interval.Undefined} without an order left out");

    private static string Verdict(BootstrapInterval spearman) => !double.IsFinite(spearman.Estimate)
        ? "not measured"
        : spearman.Estimate >= TargetSpearman
            ? Invariant($"met by the estimate; the interval's lower bound is {Bound(spearman.Lower)}")
            : Invariant($"missed (the interval reaches {Bound(spearman.Upper)})");

    private static string Cpu() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1]
            .Trim() ?? "cpu unknown"
        : "cpu unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
