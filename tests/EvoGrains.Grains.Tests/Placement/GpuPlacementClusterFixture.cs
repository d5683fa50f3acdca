using EvoGrains.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace EvoGrains.Grains.Tests.Placement;

/// <summary>Three in-process silos of which only <see cref="GpuSiloName"/> publishes hardware.accelerator=gpu.</summary>
public abstract class GpuPlacementClusterFixture(bool allowCpuTrainers) : IAsyncLifetime
{
    public const string GpuSiloName = "Silo_1";
    private const short SiloCount = 3;

    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("Cluster not deployed.");

    public SiloAddress GpuSilo => Cluster.Silos.Single(silo => silo.Name == GpuSiloName).SiloAddress;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((siloOptions, silo) =>
        {
            silo.AddGpuTrainerPlacement(siloOptions.SiloName == GpuSiloName ? Accelerator.Gpu : Accelerator.Cpu);
            silo.Services.Configure<GpuPlacementOptions>(options => options.AllowCpuTrainers = allowCpuTrainers);
        });

        cluster = builder.Build();
        await cluster.DeployAsync();
        await WaitForSiloMetadataAsync(cluster);
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    // Silo metadata reaches each silo's cache asynchronously after membership changes; until then
    // the GPU silo is invisible to the filter and trainer placement would fail.
    private static async Task WaitForSiloMetadataAsync(InProcessTestCluster cluster)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var silos = cluster.Silos.Select(silo => silo.SiloAddress).ToArray();
        while (!silos.All(observer => silos.All(observed => KnowsAccelerator(cluster, observer, observed))))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Silo metadata did not propagate to every silo within 30s.");
            }

            await Task.Delay(100);
        }
    }

    private static bool KnowsAccelerator(InProcessTestCluster cluster, SiloAddress observer, SiloAddress observed) =>
        cluster.GetSiloServiceProvider(observer).GetRequiredService<ISiloMetadataCache>()
            .GetSiloMetadata(observed).Metadata.ContainsKey(AcceleratorMetadata.Key);
}
