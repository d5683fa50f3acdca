using EvoGrains.TestSupport;

namespace EvoGrains.Hosting.Tests;

/// <summary>Redis clustering and Redis grain storage on a real redis-server.</summary>
[Trait("Category", "Integration")]
public sealed class RedisClusterRestartTests(RedisServer redis) : ClusterRestartTests, IClassFixture<RedisServer>
{
    protected override void ConfigureBackend(Dictionary<string, string?> configuration)
    {
        configuration["EvoGrains:Clustering:Provider"] = "redis";
        configuration["EvoGrains:Clustering:ConnectionString"] = redis.ConnectionString;
        configuration["EvoGrains:Storage:Provider"] = "redis";
        configuration["EvoGrains:Storage:ConnectionString"] = redis.ConnectionString;
    }
}
