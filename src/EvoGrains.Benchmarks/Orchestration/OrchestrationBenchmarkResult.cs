namespace EvoGrains.Benchmarks.Orchestration;

/// <summary>
/// The zero-cost run (island -> individual -> queue -> trainer -> back with the synthetic evaluator and
/// no training delay) and the trainer scaling runs. <see cref="OverheadPerEvaluation"/> is trainer-slot
/// time per evaluation (elapsed x trainers / evaluations). <see cref="CpuPerEvaluation"/> is this process's
/// CPU time over the zero-cost run per evaluation, all threads (the cluster runs in this process).
/// <see cref="SearchCostPerEvaluation"/> is the search work inside that run (islands proposing and screening,
/// trainers scoring; see <see cref="Telemetry.SearchWork"/>), so <see cref="OrchestrationCpuPerEvaluation"/> is what
/// the grains, messages and storage cost each evaluation, and <see cref="OrchestrationCapacity"/> the evaluations
/// per second this machine's cores could carry if the search itself cost nothing.
/// Evaluations count trained jobs: a result shared between islands by deduplication is counted once.
/// <see cref="AllocatedPerEvaluation"/> (bytes, all threads) and <see cref="SearchAllocatedPerEvaluation"/> (the search
/// work's share) say how much of the garbage collector's time, which counts as orchestration, the search causes.
/// </summary>
public sealed record OrchestrationBenchmarkResult(
    int Evaluations,
    int Trainers,
    TimeSpan Elapsed,
    double EvaluationsPerSecond,
    TimeSpan OverheadPerEvaluation,
    TimeSpan CpuPerEvaluation,
    TimeSpan SearchCostPerEvaluation,
    IReadOnlyList<TrainerScalingPoint> Scaling)
{
    public double AllocatedPerEvaluation { get; init; }

    public double SearchAllocatedPerEvaluation { get; init; }

    /// <summary>Garbage collections (all generations) during the zero-cost run.</summary>
    public int Collections { get; init; }

    public TimeSpan OrchestrationCpuPerEvaluation => CpuPerEvaluation - SearchCostPerEvaluation;

    public double OrchestrationCapacity =>
        OrchestrationCpuPerEvaluation > TimeSpan.Zero
            ? Environment.ProcessorCount / OrchestrationCpuPerEvaluation.TotalSeconds
            : double.PositiveInfinity;
}
