using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// What the fidelity benchmark measures: a validated search spec, how many screened candidates beside its baselines,
/// and the final budget's seeds.
/// </summary>
/// <param name="Spec">The search whose first rung and final budget are compared.</param>
/// <param name="Candidates">Screened candidates the spec's search space proposes (the baselines come on top).</param>
/// <param name="FinalSeeds">Seeds of the final-budget test runs; at least <see cref="MinFinalSeeds"/>.</param>
public sealed record FidelityBenchmarkOptions(
    SearchSpec Spec,
    int Candidates = 12,
    int FinalSeeds = FidelityBenchmarkOptions.MinFinalSeeds)
{
    public const int MinFinalSeeds = 3;

    public const int MaxCandidates = 1000;

    /// <summary>Resamples of the bootstrap confidence intervals.</summary>
    public int Resamples { get; init; } = PairedBootstrap.DefaultResamples;
}
