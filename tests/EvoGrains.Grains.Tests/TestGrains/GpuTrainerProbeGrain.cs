using EvoGrains.Grains.Placement;
using Orleans.Placement;

namespace EvoGrains.Grains.Tests.TestGrains;

/// <summary>Stands in for the future TrainerGrain: only its placement matters.</summary>
// Random placement keeps the CPU-fallback test independent of the default placement heuristics.
[GpuTrainerPlacement]
[RandomPlacement]
public sealed class GpuTrainerProbeGrain(ILocalSiloDetails localSilo) : Grain, IPlacementProbeGrain
{
    public Task<SiloAddress> GetSilo() => Task.FromResult(localSilo.SiloAddress);
}
