using EvoGrains.Hosting.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EvoGrains.Hosting.Tests;

/// <summary>
/// What every networked clustering and storage choice must do, with real silos built by
/// <c>AddEvoGrainsSilo</c> on a real backend: two silos form a cluster and grain state survives a
/// full cluster restart.
/// </summary>
public abstract class ClusterRestartTests
{
    private readonly string serviceId = $"svc-{Guid.NewGuid():N}";

    /// <summary>Sets the clustering and storage keys for this backend.</summary>
    protected abstract void ConfigureBackend(Dictionary<string, string?> configuration);

    [Fact]
    public async Task Two_silos_form_a_cluster_and_state_survives_a_full_cluster_restart()
    {
        var keys = Enumerable.Range(0, 10).Select(i => $"counter-{i}").ToArray();

        await using (var cluster = await StartClusterAsync())
        {
            var grains = cluster.Silos[0].Services.GetRequiredService<IGrainFactory>();
            var management = grains.GetGrain<IManagementGrain>(0);
            Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);

            foreach (var key in keys)
            {
                await grains.GetGrain<ICounterGrain>(key).Increment();
                await grains.GetGrain<ICounterGrain>(key).Increment();
            }
        }

        await using (var restarted = await StartClusterAsync())
        {
            var grains = restarted.Silos[1].Services.GetRequiredService<IGrainFactory>();
            foreach (var key in keys)
            {
                Assert.Equal(2, await grains.GetGrain<ICounterGrain>(key).Get());
            }

            var readiness = await restarted.Silos[0].Services.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(check => check.Tags.Contains(EvoGrainsSiloExtensions.ReadyTag));
            Assert.Equal(HealthStatus.Healthy, readiness.Status);
        }
    }

    private async Task<RunningCluster> StartClusterAsync()
    {
        var cluster = new RunningCluster([SiloHostFactory.Build(Configuration()), SiloHostFactory.Build(Configuration())]);
        foreach (var silo in cluster.Silos)
        {
            await silo.StartAsync();
        }

        await WaitForActiveSilosAsync(cluster.Silos[0], expected: 2);
        return cluster;
    }

    private Dictionary<string, string?> Configuration()
    {
        var configuration = SiloHostFactory.BaseConfiguration(serviceId);
        ConfigureBackend(configuration);
        return configuration;
    }

    private static async Task WaitForActiveSilosAsync(IHost silo, int expected)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Cluster did not reach {expected} active silos: {membership.CurrentSnapshot}");
            }

            await Task.Delay(200);
        }
    }
}
