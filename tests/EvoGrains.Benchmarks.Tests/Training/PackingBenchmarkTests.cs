using EvoGrains.Benchmarks.Training;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Benchmarks.Tests.Training;

public sealed class PackingBenchmarkTests
{
    [Fact]
    public void Every_pack_size_is_measured_against_todays_way_on_the_same_losses()
    {
        var options = new PackingBenchmarkOptions("mlp", Candidates: 4, Steps: 3, Rounds: 1) { PackSizes = [1, 2, 4, 8] };

        var result = PackingBenchmark.Run(options);

        Assert.Null(result.Today.PackSize);
        Assert.Equal(1.0, result.Today.Speedup, 12);
        Assert.Equal([1, 2, 4], result.Rows.Select(r => r.PackSize));
        Assert.All(result.Rows.Prepend(result.Today), row =>
        {
            Assert.True(row.EvaluationsPerSecond > 0);
            Assert.Equal(row.EvaluationsPerSecond / result.Today.EvaluationsPerSecond, row.Speedup, 9);
            Assert.InRange(row.FlopFraction, 1e-6, 1.0);
            Assert.True(row.CpuSecondsPerEvaluation > 0);
            Assert.Equal(result.Today.CpuSecondsPerEvaluation / row.CpuSecondsPerEvaluation, row.CpuSpeedup, 9);
            Assert.Equal(0, row.Failed);
        });
        Assert.Equal(6.0 * ((784 * 128) + (128 * 10)) * 64 * 3, result.TrainingFlopsPerEvaluation);
    }

    [Fact]
    public void The_losses_are_the_zoo_then_screened_random_cells_and_the_same_every_run()
    {
        var count = LossZoo.Names.Count + 3;
        var first = PackingBenchmark.Losses(count);
        var second = PackingBenchmark.Losses(count);

        Assert.Equal(LossZoo.Names, first.Take(LossZoo.Names.Count).Select(l => l.Name));
        Assert.Equal(count, first.Count);
        Assert.Equal(first.Select(Text), second.Select(Text));
        Assert.Equal(first.Count, first.Select(Text).Distinct().Count());
    }

    private static string Text(EvoGrains.Training.ITensorLoss loss) => ((EvoGrains.Training.Losses.CompiledTensorLoss)loss).Loss.ToString();
}
