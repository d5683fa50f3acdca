namespace EvoGrains.Grains.Tests.Searching;

public sealed class MemorySearchClusterFixture() : SearchClusterFixture(durableStorage: false);
