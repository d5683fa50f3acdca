using System.Diagnostics;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Models;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Benchmarks.Training;

/// <summary>Measurements behind the CLI's benchmark command; each returns a plain result record.</summary>
public sealed class TrainingBenchmarks
{
    private readonly DatasetCache datasets;
    private readonly SurrogateTrainer trainer;
    private readonly PackedTrainer packed;

    public TrainingBenchmarks(DatasetCache? datasets = null)
    {
        this.datasets = datasets ?? new DatasetCache();
        var prepared = new PreparedDataCache(this.datasets);
        trainer = new SurrogateTrainer(prepared);
        packed = new PackedTrainer(prepared);
    }

    /// <summary>
    /// Best of <paramref name="repetitions"/> timed <c>torch.matmul</c> calls after one warm-up call.
    /// </summary>
    public static GemmBenchmarkResult MeasureGemm(
        int size = 1024,
        int repetitions = 10,
        DevicePreference preference = DevicePreference.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var device = DeviceSelector.Select(preference);
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(0, device);
        var a = torch.rand([size, size], generator: generator, device: device);
        var b = torch.rand([size, size], generator: generator, device: device);
        Multiply(a, b, device);
        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            Multiply(a, b, device);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var flops = 2.0 * size * size * size;
        return new GemmBenchmarkResult(size, repetitions, best, flops / best / 1e9, DeviceSelector.Name(device));
    }

    /// <summary>
    /// Trains with <paramref name="loss"/> (cross-entropy if null) and relates the measured images/s to the model's
    /// analytic cost.
    /// </summary>
    public ModelFlopsResult MeasureTrainingFlops(TrainingRequest request, ITensorLoss? loss = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var macs = ForwardMacs(request);
        var result = trainer.Train(request, loss ?? new CrossEntropyTensorLoss());
        var flopsPerImage = 3.0 * 2.0 * macs;
        return new ModelFlopsResult(
            request.Model, macs, flopsPerImage, result.ImagesPerSecond, flopsPerImage * result.ImagesPerSecond / 1e9);
    }

    /// <summary>Training throughput of each loss under the same request.</summary>
    public IReadOnlyList<LossThroughputResult> MeasureLossThroughput(
        TrainingRequest request,
        IEnumerable<ITensorLoss> losses)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(losses);
        return losses
            .Select(loss => (loss, result: trainer.Train(request, loss)))
            .Select(r => new LossThroughputResult(
                r.loss.Name, r.result.Status, r.result.ImagesPerSecond, r.result.StepsPerSecond))
            .ToList();
    }

    /// <summary>
    /// Runs <paramref name="evaluations"/> consecutive trainings and reports RSS growth after the first
    /// <paramref name="warmupEvaluations"/>: a steady process stays flat, a tensor leak climbs.
    /// </summary>
    public MemoryGrowthResult MeasureMemoryGrowth(
        TrainingRequest request,
        ITensorLoss loss,
        int evaluations,
        int warmupEvaluations = 10)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loss);
        return MeasureGrowth(() => trainer.Train(request, loss), evaluations, warmupEvaluations, 1);
    }

    /// <summary>
    /// The same check for packed training: <paramref name="evaluations"/> evaluations as consecutive packs of
    /// <paramref name="losses"/> (one RSS reading per pack; warm-up counted in packs).
    /// </summary>
    public MemoryGrowthResult MeasurePackedMemoryGrowth(
        TrainingRequest request, IReadOnlyList<ITensorLoss> losses, int evaluations, int warmupPacks = 5)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentOutOfRangeException.ThrowIfLessThan(losses.Count, 1);
        var members = losses.Select(loss => new PackMember(loss, request.Seed)).ToList();
        var packs = (evaluations + losses.Count - 1) / losses.Count;
        return MeasureGrowth(() => packed.Train(request, members), packs, warmupPacks, losses.Count);
    }

    private static MemoryGrowthResult MeasureGrowth(Action evaluate, int runs, int warmupRuns, int evaluationsPerRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmupRuns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(runs, warmupRuns);
        var rss = new List<long>(runs);
        for (var i = 0; i < runs; i++)
        {
            evaluate();
            // ResidentKilobytes collects first: the question is what stays alive (a leak), not when the GC last ran.
            rss.Add(ProcessMemory.ResidentKilobytes());
        }

        return new MemoryGrowthResult(rss, warmupRuns, rss[^1] - rss[warmupRuns - 1], evaluationsPerRun);
    }

    private long ForwardMacs(TrainingRequest request)
    {
        var dataset = datasets.Get(request.Dataset);
        using var model = ModelFactory.Create(request.Model, dataset.Shape, dataset.Classes, 0, CPU);
        return model.ForwardMacsPerImage;
    }

    private static void Multiply(Tensor a, Tensor b, Device device)
    {
        using var product = torch.matmul(a, b);
        if (device.type == DeviceType.CUDA)
        {
            torch.cuda.synchronize(device);
        }
    }
}
