using EvoGrains.Grains.Placement;

namespace EvoGrains.Grains.Tests.TestGrains;

/// <summary>Stands in for the future TrainerGrain: only its placement matters.</summary>
[GpuTrainerPlacement]
public sealed class GpuTrainerProbeGrain(ILocalSiloDetails localSilo) : Grain, IPlacementProbeGrain
{
    public Task<SiloAddress> GetSilo() => Task.FromResult(localSilo.SiloAddress);
}
