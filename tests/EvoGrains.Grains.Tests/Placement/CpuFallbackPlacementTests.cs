using EvoGrains.Grains.Tests.TestGrains;

namespace EvoGrains.Grains.Tests.Placement;

[Trait("Category", "Integration")]
public sealed class CpuFallbackPlacementTests(CpuFallbackClusterFixture fixture) : IClassFixture<CpuFallbackClusterFixture>
{
    // Random placement over 3 silos: P(all 60 on the GPU silo) = 3^-60.
    private const int Keys = 60;

    [Fact]
    public async Task With_AllowCpuTrainers_trainer_grains_also_activate_on_cpu_silos()
    {
        var placements = await Task.WhenAll(Enumerable.Range(0, Keys)
            .Select(key => fixture.Cluster.Client.GetGrain<IPlacementProbeGrain>(key).GetSilo()));

        Assert.Contains(placements, silo => silo != fixture.GpuSilo);
    }
}
