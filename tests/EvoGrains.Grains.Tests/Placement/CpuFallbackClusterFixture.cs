namespace EvoGrains.Grains.Tests.Placement;

public sealed class CpuFallbackClusterFixture() : GpuPlacementClusterFixture(allowCpuTrainers: true);
