using EvoGrains.Core.Screening;

namespace EvoGrains.Benchmarks.Screening;

/// <summary>
/// Screening throughput on one core and the share of candidates ending at each stage (every stage but the duplicate
/// check, in the funnel's order).
/// </summary>
public sealed record ScreeningBenchmarkResult(
    int Candidates,
    int Repeats,
    double MedianPerSecond,
    double SlowestPerSecond,
    double FastestPerSecond,
    double MedianPerCpuSecond,
    IReadOnlyDictionary<ScreeningStage, double> ShareByStage)
{
    public double RejectedShare => 1 - ShareByStage.GetValueOrDefault(ScreeningStage.Accepted);
}
