namespace EvoGrains.Grains.Tests.Searching;

/// <summary>One memory-storage cluster shared by the search tests (deploying a cluster costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class MemorySearchCluster : ICollectionFixture<MemorySearchClusterFixture>
{
    public const string Name = "memory search cluster";
}
