using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Training;

namespace EvoGrains.Cli.Bench;

/// <summary>
/// `bench training` as Markdown: step cost of each zoo loss vs native CE, fraction of peak, memory growth and
/// (optionally) accuracy.
/// </summary>
public static class TrainingBenchReport
{
    // Targets of the step-cost, memory and accuracy checks.
    private const double MaxStepCostRatio = 1.10;
    private const double MinTestAccuracy = 0.88; // small-cnn's

    public static string Markdown(TrainingBenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine("# Training benchmark");
        text.AppendLine();
        text.AppendLine(
            Invariant($"{result.Options.Model} on Fashion-MNIST, batch {result.BatchSize}, ")
            + Invariant($"{result.Options.Steps} steps per run, {result.Options.Threads} libtorch threads, ")
            + Invariant($"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine();
        StepCosts(text, result.StepCosts);
        FractionOfPeak(text, result);
        MemoryGrowth(text, result.Memory, result.PackedMemory);
        if (result.Accuracy is { } accuracy)
        {
            text.AppendLine();
            text.AppendLine("## Accuracy sanity check");
            text.AppendLine();
            text.AppendLine(
                Invariant($"- {result.Options.Model}, CE, 3 epochs ({accuracy.Steps} steps of ")
                + Invariant($"{result.BatchSize}) on Fashion-MNIST: test accuracy **{accuracy.TestAccuracy:F4}** ")
                + Invariant($"(target for small-cnn >= {MinTestAccuracy:F2}), {accuracy.Minutes:F1} min"));
        }

        return text.ToString();
    }

    private static void StepCosts(StringBuilder text, IReadOnlyList<LossStepCost> costs)
    {
        text.AppendLine("## Step cost of each loss");
        text.AppendLine();
        text.AppendLine(
            "Ratio = the loss's step time over native CE's (CE images/s divided by the loss's); best of two "
            + "interleaved rounds.");
        text.AppendLine();
        text.AppendLine(Invariant($"| loss | images/s | step time vs native CE | within {MaxStepCostRatio:F2}x |"));
        text.AppendLine("|---|---|---|---|");
        foreach (var cost in costs)
        {
            text.AppendLine(
                Invariant($"| {(cost.Native ? "ce (native cross_entropy)" : cost.Loss)} | ")
                + Invariant($"{cost.ImagesPerSecond:F0} | {cost.RatioToNativeCe:F3}x | ")
                + Invariant($"{(cost.RatioToNativeCe <= MaxStepCostRatio ? "yes" : "no")} |"));
        }
    }

    private static void FractionOfPeak(StringBuilder text, TrainingBenchmarkResult result)
    {
        var (gemm, flops) = (result.Gemm, result.Flops);
        text.AppendLine();
        text.AppendLine("## Fraction of peak");
        text.AppendLine();
        text.AppendLine(
            Invariant($"- GEMM ({gemm.Size}x{gemm.Size} float32 torch.matmul, best of {gemm.Repetitions}): ")
            + Invariant($"**{gemm.GflopsPerSecond:F1} GFLOP/s** on {gemm.Device}"));
        text.AppendLine(
            Invariant($"- training step: {flops.ForwardMacsPerImage:N0} MACs/image forward, ")
            + Invariant($"{flops.TrainingFlopsPerImage / 1e6:F1} MFLOP/image with backward, ")
            + Invariant($"{flops.ImagesPerSecond:F0} images/s = **{flops.AchievedGflopsPerSecond:F2} GFLOP/s**"));
        text.AppendLine(Invariant($"- ratio achieved / GEMM peak: **{result.FlopFraction:P1}**"));
    }

    private static void MemoryGrowth(StringBuilder text, MemoryGrowthResult memory, MemoryGrowthResult packed)
    {
        text.AppendLine();
        text.AppendLine("## Memory over consecutive evaluations");
        text.AppendLine();
        text.AppendLine(
            Invariant($"- {memory.Evaluations} evaluations (baikal, 5 steps each; RSS read after a full GC): ")
            + Invariant($"{Mib(memory.AfterWarmupKilobytes)} MiB after {memory.WarmupEvaluations}, ")
            + Invariant($"{Mib(memory.EndKilobytes)} MiB at the end: growth **{memory.Growth:P2}** (target < 5%)"));
        text.AppendLine(SecondHalf(memory));
        text.AppendLine(
            Invariant($"- packed: {packed.Evaluations} evaluations in packs of {packed.EvaluationsPerRun} (the ")
            + Invariant($"zoo twice, 5 steps): {Mib(packed.AfterWarmupKilobytes)} MiB after ")
            + Invariant($"{packed.WarmupEvaluations} packs, {Mib(packed.EndKilobytes)} MiB at the end: growth ")
            + Invariant($"**{packed.Growth:P2}** (target < 5%)"));
        text.AppendLine(SecondHalf(packed));
    }

    private static string SecondHalf(MemoryGrowthResult memory) =>
        Invariant($"- second half only: {Mib(memory.SecondHalfStartKilobytes)} MiB at evaluation ")
        + Invariant($"{memory.SecondHalfStartEvaluation} -> {Mib(memory.EndKilobytes)} MiB: growth ")
        + Invariant($"{memory.SecondHalfGrowth:P2} (a leak keeps climbing here)");

    private static string Mib(long kilobytes) => (kilobytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
