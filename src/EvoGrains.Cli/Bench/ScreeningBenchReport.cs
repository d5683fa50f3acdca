using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Screening;

namespace EvoGrains.Cli.Bench;

/// <summary>`bench screening` as Markdown: screened candidates per second and the funnel's rejection shares.</summary>
public static class ScreeningBenchReport
{
    public static string Markdown(ScreeningBenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine("# Screening benchmark");
        text.AppendLine();
        text.AppendLine(
            Invariant($"{result.Candidates} random candidates (half NLFS cells, half depth-5 GP trees over all ")
            + Invariant($"operators), one thread, {result.Repeats} repeats, {Environment.ProcessorCount} cores, ")
            + Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine();
        text.AppendLine(
            "- screened per CPU second of the screening thread's process (median, the per-core rate): "
            + Invariant($"**{result.MedianPerCpuSecond:F0}**; target >= 5000"));
        text.AppendLine(
            Invariant($"- screened per wall-clock second (median): {result.MedianPerSecond:F0} (slowest ")
            + Invariant($"{result.SlowestPerSecond:F0}, fastest {result.FastestPerSecond:F0}); lower when other ")
            + "processes share the cores");
        text.AppendLine(Invariant($"- rejected by the funnel: **{result.RejectedShare:P1}**"));
        text.AppendLine();
        text.AppendLine("| stage | share of candidates |");
        text.AppendLine("|---|---|");
        foreach (var (stage, share) in result.ShareByStage)
        {
            text.AppendLine(Invariant($"| {stage.ToString().ToLowerInvariant()} | {share:P1} |"));
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
