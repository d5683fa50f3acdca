using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace EvoGrains.Hosting.Tests;

public sealed class SiloClusteringTests
{
    [Theory]
    [InlineData("redis", "127.0.0.1:1")]
    [InlineData("azuretable", "UseDevelopmentStorage=true")]
    public void Networked_clustering_lets_dead_entries_go_stale_after_ten_seconds(string provider, string connectionString)
    {
        var membership = MembershipOptions(provider, connectionString);

        Assert.Equal(TimeSpan.FromSeconds(10), membership.IAmAliveTablePublishTimeout * membership.NumMissedTableIAmAliveLimit);
    }

    [Fact]
    public void Localhost_clustering_keeps_the_orleans_defaults()
    {
        var membership = MembershipOptions("localhost", null);

        Assert.Equal(new ClusterMembershipOptions().IAmAliveTablePublishTimeout, membership.IAmAliveTablePublishTimeout);
        Assert.Equal(new ClusterMembershipOptions().NumMissedTableIAmAliveLimit, membership.NumMissedTableIAmAliveLimit);
    }

    private static ClusterMembershipOptions MembershipOptions(string provider, string? connectionString)
    {
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Clustering:Provider"] = provider;
        configuration["EvoGrains:Clustering:ConnectionString"] = connectionString;
        using var host = SiloHostFactory.Build(configuration);
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }
}
