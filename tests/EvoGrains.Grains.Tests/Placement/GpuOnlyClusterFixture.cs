namespace EvoGrains.Grains.Tests.Placement;

public sealed class GpuOnlyClusterFixture() : GpuPlacementClusterFixture(allowCpuTrainers: false);
