using EvoGrains.Benchmarks.Training;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Benchmarks.Tests.Training;

[Trait("Category", "Integration")]
public sealed class TrainingBenchmarksTests
{
    private static readonly TrainingRequest Short = new()
    {
        Dataset = DatasetSpec.SyntheticSet(new SyntheticOptions(TrainCount: 600, TestCount: 10, Size: 28)),
        Model = "small-cnn",
        Steps = 10,
        BatchSize = 32,
        WarmupSteps = 2,
        ValidationSize = 100,
        MaxThreads = 2,
    };

    [Fact]
    public void Gemm_reports_a_positive_rate()
    {
        var result = TrainingBenchmarks.MeasureGemm(size: 256, repetitions: 3, DevicePreference.Cpu);

        Assert.Equal(256, result.Size);
        Assert.True(result.BestSeconds > 0);
        Assert.True(result.GflopsPerSecond > 0.1, $"{result.GflopsPerSecond} GFLOP/s");
        Assert.Equal("cpu", result.Device);
    }

    [Fact]
    public void Training_flops_use_the_analytic_mac_count()
    {
        var result = new TrainingBenchmarks().MeasureTrainingFlops(Short);

        // small-cnn on 28x28 with the 4 synthetic classes: fc2 is 128*4
        Assert.Equal(225_792L + 3_612_672L + 401_408L + 512L, result.ForwardMacsPerImage);
        Assert.Equal(6.0 * result.ForwardMacsPerImage, result.TrainingFlopsPerImage);
        Assert.True(result.ImagesPerSecond > 0);
        Assert.Equal(result.TrainingFlopsPerImage * result.ImagesPerSecond / 1e9, result.AchievedGflopsPerSecond, 6);
    }

    [Fact]
    public void Loss_throughput_is_reported_per_loss()
    {
        var results = new TrainingBenchmarks().MeasureLossThroughput(Short, [new CrossEntropyTensorLoss(), new CrossEntropyTensorLoss(0.1), new NaNLoss()]);

        Assert.Equal(new[] { "ce", "ce-ls0.1", "nan" }, results.Select(r => r.Loss));
        Assert.All(results.Take(2), r => Assert.True(r.ImagesPerSecond > 0));
        Assert.Equal(TrainingStatus.Failed, results[2].Status);
    }

    [Fact]
    public void Repeated_evaluations_do_not_grow_memory()
    {
        var request = Short with { Model = "mlp", Steps = 5 };

        var result = new TrainingBenchmarks().MeasureMemoryGrowth(request, new CrossEntropyTensorLoss(), evaluations: 25);

        Assert.Equal(25, result.RssKilobytes.Count);
        Assert.True(result.GrowthAfterWarmupKilobytes < 20_000, $"RSS grew {result.GrowthAfterWarmupKilobytes} kB: {string.Join(", ", result.RssKilobytes)}");
    }

    [Fact]
    public void Repeated_packs_do_not_grow_memory()
    {
        var request = Short with { Model = "mlp", Steps = 5 };
        var losses = new ITensorLoss[] { new CrossEntropyTensorLoss(), new CrossEntropyTensorLoss(0.1), new NaNLoss(), new CrossEntropyTensorLoss(0.2) };

        var result = new TrainingBenchmarks().MeasurePackedMemoryGrowth(request, losses, evaluations: 80);

        Assert.Equal(20, result.RssKilobytes.Count);
        Assert.True(result.GrowthAfterWarmupKilobytes < 20_000, $"RSS grew {result.GrowthAfterWarmupKilobytes} kB: {string.Join(", ", result.RssKilobytes)}");
    }
}
