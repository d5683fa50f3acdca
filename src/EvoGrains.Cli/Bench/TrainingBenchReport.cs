using System.Globalization;
using System.Text;
using EvoGrains.Benchmarks.Training;
using EvoGrains.Core.Expressions;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Cli.Bench;

/// <summary>`bench training`: images/s per zoo loss vs CE, GEMM and training FLOP/s, memory growth and (optionally) accuracy, as Markdown.</summary>
public static class TrainingBenchReport
{
    public static string Run(int steps, int evaluations, bool accuracy, int threads)
    {
        var dataset = DatasetSpec.FashionMnist();
        var request = new TrainingRequest(dataset, Steps: steps, BatchSize: 128, WarmupSteps: 10, ValidationSize: 1000, TrainSubsetSize: 20000, MaxThreads: threads);
        var benchmarks = new TrainingBenchmarks(new DatasetCache());
        var text = new StringBuilder();
        text.AppendLine("# Training benchmark");
        text.AppendLine();
        text.AppendLine(Invariant($"small-cnn on Fashion-MNIST, batch 128, {request.Steps} steps per run, {threads} libtorch threads, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC."));
        text.AppendLine();
        StepCosts(text, benchmarks, request);
        FractionOfPeak(text, benchmarks, request);
        MemoryGrowth(text, benchmarks, request, evaluations);
        if (accuracy)
        {
            AccuracyCheck(text, request with { Steps = 3 * 60000 / 128, WarmupSteps = 100, TrainSubsetSize = null, EvaluateTest = true });
        }

        return text.ToString();
    }

    private static void StepCosts(StringBuilder text, TrainingBenchmarks benchmarks, TrainingRequest request)
    {
        var losses = new List<ITensorLoss> { new CrossEntropyTensorLoss() };
        losses.AddRange(LossZoo.Names.Select(name => new CompiledTensorLoss(LossZoo.Get(name), name)));
        // Native CE runs first and last in each of two rounds, and every loss keeps its best round,
        // so warm-up and a passing slowdown of the machine do not favour one loss.
        var order = losses.Append(losses[0]).ToList();
        var rounds = Enumerable.Range(0, 2).Select(_ => benchmarks.MeasureLossThroughput(request, order)).ToList();
        var best = losses.Select((loss, i) => rounds.Max(r => i == 0 ? Math.Max(r[0].ImagesPerSecond, r[^1].ImagesPerSecond) : r[i].ImagesPerSecond)).ToList();
        text.AppendLine("## Step cost of each loss");
        text.AppendLine();
        text.AppendLine("Ratio = the loss's step time over native CE's (CE images/s divided by the loss's); best of two interleaved rounds.");
        text.AppendLine();
        text.AppendLine("| loss | images/s | step time vs native CE | within 1.10x |");
        text.AppendLine("|---|---|---|---|");
        for (var i = 0; i < losses.Count; i++)
        {
            var ratio = best[0] / best[i];
            text.AppendLine(Invariant($"| {(i == 0 ? "ce (native cross_entropy)" : losses[i].Name)} | {best[i]:F0} | {ratio:F3}x | {(ratio <= 1.10 ? "yes" : "no")} |"));
        }
    }

    private static void FractionOfPeak(StringBuilder text, TrainingBenchmarks benchmarks, TrainingRequest request)
    {
        var gemm = TrainingBenchmarks.MeasureGemm();
        var flops = benchmarks.MeasureTrainingFlops(request);
        text.AppendLine();
        text.AppendLine("## Fraction of peak");
        text.AppendLine();
        text.AppendLine(Invariant($"- GEMM ({gemm.Size}x{gemm.Size} float32 torch.matmul, best of {gemm.Repetitions}): **{gemm.GflopsPerSecond:F1} GFLOP/s** on {gemm.Device}"));
        text.AppendLine(Invariant($"- training step: {flops.ForwardMacsPerImage:N0} MACs/image forward, {flops.TrainingFlopsPerImage / 1e6:F1} MFLOP/image with backward, {flops.ImagesPerSecond:F0} images/s = **{flops.AchievedGflopsPerSecond:F2} GFLOP/s**"));
        text.AppendLine(Invariant($"- ratio achieved / GEMM peak: **{flops.RatioTo(gemm):P1}**"));
    }

    private static void MemoryGrowth(StringBuilder text, TrainingBenchmarks benchmarks, TrainingRequest request, int evaluations)
    {
        var shortRequest = request with { Steps = 5, ValidationSize = 256, TrainSubsetSize = 2048, WarmupSteps = 1 };
        var memory = benchmarks.MeasureMemoryGrowth(shortRequest, new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal"), evaluations);
        var afterWarmup = memory.RssKilobytes[memory.WarmupEvaluations - 1];
        var growth = (double)memory.GrowthAfterWarmupKilobytes / afterWarmup;
        text.AppendLine();
        text.AppendLine("## Memory over consecutive evaluations");
        text.AppendLine();
        text.AppendLine(Invariant($"- {evaluations} evaluations (baikal, 5 steps each; RSS read after a full GC): {afterWarmup / 1024.0:F0} MiB after {memory.WarmupEvaluations}, {memory.RssKilobytes[^1] / 1024.0:F0} MiB at the end: growth **{growth:P2}** (target < 5%)"));
        text.AppendLine(SecondHalf(memory, 1));

        var zoo = LossZoo.Names.Select(name => (ITensorLoss)new CompiledTensorLoss(LossZoo.Get(name), name)).ToList();
        var packed = benchmarks.MeasurePackedMemoryGrowth(shortRequest, [.. zoo, .. zoo], evaluations);
        var packedStart = packed.RssKilobytes[packed.WarmupEvaluations - 1];
        text.AppendLine(Invariant($"- packed: {packed.RssKilobytes.Count * zoo.Count * 2} evaluations in packs of {zoo.Count * 2} (the zoo twice, 5 steps): {packedStart / 1024.0:F0} MiB after {packed.WarmupEvaluations} packs, {packed.RssKilobytes[^1] / 1024.0:F0} MiB at the end: growth **{(double)packed.GrowthAfterWarmupKilobytes / packedStart:P2}** (target < 5%)"));
        text.AppendLine(SecondHalf(packed, zoo.Count * 2));
    }

    /// <summary>Growth over the second half of the runs: an allocator settling stops growing there, a leak does not.</summary>
    private static string SecondHalf(MemoryGrowthResult memory, int evaluationsPerRun)
    {
        var middle = memory.RssKilobytes.Count / 2;
        var half = memory.RssKilobytes[middle];
        return Invariant($"- second half only: {half / 1024.0:F0} MiB at evaluation {middle * evaluationsPerRun} -> {memory.RssKilobytes[^1] / 1024.0:F0} MiB: growth {(double)(memory.RssKilobytes[^1] - half) / half:P2} (a leak keeps climbing here)");
    }

    // The whole training split for 3 epochs: minutes, so only on request.
    private static void AccuracyCheck(StringBuilder text, TrainingRequest full)
    {
        var result = new SurrogateTrainer().Train(full, new CrossEntropyTensorLoss());
        text.AppendLine();
        text.AppendLine("## Accuracy sanity check");
        text.AppendLine();
        text.AppendLine(Invariant($"- small-cnn, CE, 3 epochs ({full.Steps} steps of 128) on Fashion-MNIST: test accuracy **{result.TestAccuracy:F4}** (target >= 0.88), {result.WallTime.TotalMinutes:F1} min"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
