using EvoGrains.Grains.Tests.TestGrains;

namespace EvoGrains.Grains.Tests.Placement;

[Trait("Category", "Integration")]
public sealed class GpuTrainerPlacementTests(GpuOnlyClusterFixture fixture) : IClassFixture<GpuOnlyClusterFixture>
{
    private const int Keys = 60;

    [Fact]
    public async Task Trainer_grains_activate_only_on_the_gpu_silo()
    {
        var placements = await Task.WhenAll(Enumerable.Range(0, Keys)
            .Select(key => fixture.Cluster.Client.GetGrain<IPlacementProbeGrain>(key).GetSilo()));

        Assert.All(placements, silo => Assert.Equal(fixture.GpuSilo, silo));
    }
}
