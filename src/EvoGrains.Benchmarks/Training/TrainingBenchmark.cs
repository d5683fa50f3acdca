using EvoGrains.Core.Expressions;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Benchmarks.Training;

/// <summary>
/// `bench training`: a surrogate model (small-cnn unless asked) on Fashion-MNIST, batch 128. Images/s of every zoo
/// loss against libtorch's native CE, the
/// GEMM rate and the training FLOP rate, RSS over consecutive evaluations (one at a time and packed), and on request
/// CE's test accuracy after 3 epochs.
/// </summary>
public static class TrainingBenchmark
{
    private const int ShortSteps = 5;

    public static TrainingBenchmarkResult Run(TrainingBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Evaluations, 2);
        var request = new TrainingRequest
        {
            Dataset = DatasetSpec.FashionMnist(),
            Model = options.Model,
            Steps = options.Steps,
            BatchSize = 128,
            WarmupSteps = 10,
            ValidationSize = 1000,
            TrainSubsetSize = 20000,
            MaxThreads = options.Threads,
        };
        var benchmarks = new TrainingBenchmarks(new DatasetCache());
        var stepCosts = StepCosts(benchmarks, request);
        var gemm = TrainingBenchmarks.MeasureGemm();
        var flops = benchmarks.MeasureTrainingFlops(request);

        var shortRequest =
            request with { Steps = ShortSteps, ValidationSize = 256, TrainSubsetSize = 2048, WarmupSteps = 1 };
        var memory = benchmarks.MeasureMemoryGrowth(
            shortRequest, Compiled("baikal"), options.Evaluations,
            warmupEvaluations: Math.Min(10, options.Evaluations - 1));
        List<ITensorLoss> pack = [.. LossZoo.Names.Select(Compiled), .. LossZoo.Names.Select(Compiled)];
        // At least two packs: one to warm up, one to measure.
        var packs = Math.Max(2, (options.Evaluations + pack.Count - 1) / pack.Count);
        var packed = benchmarks.MeasurePackedMemoryGrowth(
            shortRequest, pack, packs * pack.Count, warmupPacks: Math.Min(5, packs - 1));
        var accuracy = options.Accuracy
            ? AccuracyCheck(request with
            {
                Steps = 3 * 60000 / 128,
                WarmupSteps = 100,
                TrainSubsetSize = null,
                EvaluateTest = true,
            })
            : null;
        return new TrainingBenchmarkResult(
            options, "fashion-mnist", request.BatchSize, stepCosts, gemm, flops, memory, packed, accuracy);
    }

    private static List<LossStepCost> StepCosts(TrainingBenchmarks benchmarks, TrainingRequest request)
    {
        var losses = new List<ITensorLoss> { new CrossEntropyTensorLoss() };
        losses.AddRange(LossZoo.Names.Select(Compiled));
        // Native CE runs first and last in each of two rounds, and every loss keeps its best round,
        // so warm-up and a passing slowdown of the machine do not favour one loss.
        var order = losses.Append(losses[0]).ToList();
        var rounds = Enumerable.Range(0, 2).Select(_ => benchmarks.MeasureLossThroughput(request, order)).ToList();
        var best = losses
            .Select((loss, i) => rounds.Max(r => i == 0
                ? Math.Max(r[0].ImagesPerSecond, r[^1].ImagesPerSecond)
                : r[i].ImagesPerSecond))
            .ToList();
        return losses.Select((loss, i) => new LossStepCost(loss.Name, i == 0, best[i], best[0] / best[i])).ToList();
    }

    // The whole training split for 3 epochs: minutes, so only on request.
    private static AccuracyCheckResult AccuracyCheck(TrainingRequest full)
    {
        var result = new SurrogateTrainer().Train(full, new CrossEntropyTensorLoss());
        return new AccuracyCheckResult(full.Steps, result.TestAccuracy ?? double.NaN, result.WallTime.TotalMinutes);
    }

    private static ITensorLoss Compiled(string name) => new CompiledTensorLoss(LossZoo.Get(name), name);
}
