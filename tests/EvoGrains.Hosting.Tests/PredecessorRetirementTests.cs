using System.Net;
using EvoGrains.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Hosting.Tests;

/// <summary>On a real Redis membership table: a silo retires the older generations of its own endpoint, nothing else.</summary>
[Trait("Category", "Integration")]
public sealed class PredecessorRetirementTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Older_generations_of_the_silo_endpoint_are_marked_dead_and_other_silos_are_left_alone()
    {
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Clustering:Provider"] = "redis";
        configuration["EvoGrains:Clustering:ConnectionString"] = redis.ConnectionString;
        await using var cluster = new RunningCluster([SiloHostFactory.Build(configuration)]);
        var silo = cluster.Silos[0];
        await silo.StartAsync();
        var services = silo.Services;
        var table = services.GetRequiredService<IMembershipTable>();
        var me = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        // As a killed predecessor leaves it when its successor's own cleanup lost a table-version race.
        var predecessor = SiloAddress.New(me.Endpoint, me.Generation - 10);
        var neighbour = SiloAddress.New(new IPEndPoint(me.Endpoint.Address, FreeTcpPort.Next()), me.Generation - 10);
        await InsertActiveAsync(table, predecessor);
        await InsertActiveAsync(table, neighbour);

        var retired = await services.GetRequiredService<PredecessorRetirement>().RetireAsync(CancellationToken.None);

        Assert.Equal(1, retired);
        var rows = (await table.ReadAllAsync(CancellationToken.None)).Members.ToDictionary(row => row.Item1.SiloAddress, row => row.Item1.Status);
        Assert.Equal(SiloStatus.Dead, rows[predecessor]);
        Assert.Equal(SiloStatus.Active, rows[neighbour]);
        Assert.Equal(SiloStatus.Active, rows[me]);
        Assert.Equal(0, await services.GetRequiredService<PredecessorRetirement>().RetireAsync(CancellationToken.None));
    }

    private static async Task InsertActiveAsync(IMembershipTable table, SiloAddress address)
    {
        var now = DateTime.UtcNow;
        var entry = new MembershipEntry
        {
            SiloAddress = address,
            Status = SiloStatus.Active,
            HostName = "killed",
            SiloName = $"killed-{address.Endpoint.Port}",
            ProxyPort = 0,
            StartTime = now,
            IAmAliveTime = now,
        };
        var version = (await table.ReadAllAsync(CancellationToken.None)).Version;
        Assert.True(await table.InsertRowAsync(entry, version.Next(), CancellationToken.None));
    }
}
