using EvoGrains.Benchmarks.Orchestration;
using Xunit.Abstractions;

namespace EvoGrains.Benchmarks.Tests.Orchestration;

[Trait("Category", "Integration")]
public sealed class OrchestrationBenchmarkTests(OrchestrationSiloFixture fixture, ITestOutputHelper output) : IClassFixture<OrchestrationSiloFixture>
{
    // The full measurement (1..64 trainers) takes minutes; CI runs a small smoke version.
    private static bool FullRun => Environment.GetEnvironmentVariable("EVOGRAINS_BENCHMARK") == "1";

    [Fact]
    public async Task The_benchmark_measures_throughput_and_trainer_scaling()
    {
        var options = FullRun
            ? new OrchestrationBenchmarkOptions()
            : new OrchestrationBenchmarkOptions { ThroughputEvaluations = 60, ScalingTrainers = [1, 4], ScalingJobsPerTrainer = 5 };

        var result = await OrchestrationBenchmark.RunAsync(fixture.Client, options);

        output.WriteLine($"zero-cost: {result.Evaluations} evaluations, {result.Trainers} trainers, {result.Elapsed.TotalSeconds:F2}s, {result.EvaluationsPerSecond:F1}/s, overhead {result.OverheadPerEvaluation.TotalMilliseconds:F2} ms/evaluation; CPU {result.CpuPerEvaluation.TotalMilliseconds:F2} ms/evaluation, search alone {result.SearchCostPerEvaluation.TotalMilliseconds:F2} ms");
        foreach (var point in result.Scaling)
        {
            output.WriteLine($"trainers {point.Trainers,3}: {point.Evaluations} evaluations in {point.Elapsed.TotalSeconds:F2}s = {point.EvaluationsPerSecond:F1}/s, ideal {point.IdealEvaluationsPerSecond:F1}/s, efficiency {point.Efficiency:P0}");
        }

        Assert.True(result.EvaluationsPerSecond > 0);
        Assert.True(result.SearchCostPerEvaluation > TimeSpan.Zero);
        Assert.True(result.CpuPerEvaluation > TimeSpan.Zero);
        Assert.InRange(result.SearchAllocatedPerEvaluation, 1, result.AllocatedPerEvaluation);
        Assert.Equal(options.ScalingTrainers, result.Scaling.Select(p => p.Trainers));
        Assert.All(result.Scaling, p => Assert.True(p.Efficiency is > 0 and <= 1.05));
    }
}
