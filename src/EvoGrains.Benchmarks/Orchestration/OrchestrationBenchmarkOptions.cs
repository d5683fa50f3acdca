namespace EvoGrains.Benchmarks.Orchestration;

/// <summary>
/// Sizes of the orchestration benchmark. Defaults fit a 2-core machine in about a minute per storage.
/// </summary>
public sealed record OrchestrationBenchmarkOptions
{
    /// <summary>
    /// A first, unmeasured search that pays for JIT compilation (up to optimised code) and first activations.
    /// </summary>
    public int WarmupEvaluations { get; init; } = 3000;

    /// <summary>
    /// Evaluations of the zero-cost throughput run: about ten seconds, so the steady state outweighs the last tier-up
    /// compilations.
    /// </summary>
    public int ThroughputEvaluations { get; init; } = 20000;

    public int ThroughputTrainers { get; init; } = 4;

    public int ThroughputIslands { get; init; } = 4;

    public int ThroughputInFlightPerIsland { get; init; } = 64;

    public IReadOnlyList<int> ScalingTrainers { get; init; } = [1, 4, 16, 64];

    /// <summary>Simulated training time of each job in the scaling runs.</summary>
    public int ScalingJobMilliseconds { get; init; } = 100;

    /// <summary>
    /// Jobs per trainer in each scaling run: the run lasts about this many job times, so start-up weighs little.
    /// </summary>
    public int ScalingJobsPerTrainer { get; init; } = 30;

    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
