namespace EvoGrains.Grains.Tests.Searching;

public sealed class DurableSearchClusterFixture() : SearchClusterFixture(durableStorage: true);
