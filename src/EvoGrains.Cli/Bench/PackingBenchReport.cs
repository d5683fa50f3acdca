using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Training;

namespace EvoGrains.Cli.Bench;

/// <summary>
/// The packing benchmark's section of bench-results/packing.md (one section per model, the latest run each).
/// </summary>
public static class PackingBenchReport
{
    /// <summary>Replaces (or appends) this model's section, so one file holds every model's latest run.</summary>
    public static string Merge(string existing, string model, string section) =>
        BenchResultsFile.MergeSection(existing, "# Packing benchmark", model, section);

    public static string Section(PackingBenchmarkResult result, (double Before, double After) load)
    {
        var o = result.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {o.Model}"));
        text.AppendLine();
        text.AppendLine(
            Invariant($"{o.Candidates} losses (zoo, then random screened NLFS cells), {o.Steps} steps of 64 ")
            + Invariant($"Fashion-MNIST images, 2,000 validation images, {o.Trainers} trainer threads of one ")
            + Invariant($"libtorch thread, {o.Rounds} interleaved round(s) (each configuration keeps its best), ")
            + Invariant($"{Environment.ProcessorCount} cores, load average {load.Before:F1} before and ")
            + Invariant($"{load.After:F1} after the run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine(
            Invariant($"Training cost {result.TrainingFlopsPerEvaluation / 1e9:F2} GFLOP per evaluation; GEMM ")
            + Invariant($"rate of the cores used {result.GemmGflopsPerSecond:F1} GFLOP/s."));
        text.AppendLine();
        text.AppendLine(
            "Evaluations/s and the FLOP-limit fraction are wall-clock figures; CPU s/evaluation is the process's "
            + "CPU time, which other work on the cores disturbs less.");
        text.AppendLine();
        text.AppendLine(
            "| configuration | evaluations/s | speed-up vs today | FLOP-limit fraction | CPU s / evaluation | "
            + "CPU speed-up | failed |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in result.Rows.Prepend(result.Today))
        {
            var name = row.PackSize is { } k
                ? Invariant($"packed, K = {k}")
                : "today (one candidate per trainer, set-up per evaluation, element-wise Adam)";
            text.AppendLine(
                Invariant($"| {name} | {row.EvaluationsPerSecond:F2} | {row.Speedup:F2}x | {row.FlopFraction:P1} ")
                + Invariant($"| {row.CpuSecondsPerEvaluation:F3} | {row.CpuSpeedup:F2}x | {row.Failed} |"));
        }

        var best = result.Rows.MaxBy(r => r.EvaluationsPerSecond)!;
        text.AppendLine();
        var leanest = result.Rows.MaxBy(r => r.CpuSpeedup)!;
        text.AppendLine(
            Invariant($"Best: K = {best.PackSize}, {best.Speedup:F2}x today's evaluations/s; least CPU per ")
            + Invariant($"evaluation: K = {leanest.PackSize}, {leanest.CpuSpeedup:F2}x."));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
