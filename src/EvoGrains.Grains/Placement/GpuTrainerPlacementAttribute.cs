using Orleans.Placement;

namespace EvoGrains.Grains.Placement;

/// <summary>
/// Marks a grain class (trainers) to activate only on GPU silos, or on any silo when
/// <see cref="GpuPlacementOptions.AllowCpuTrainers"/> is set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class GpuTrainerPlacementAttribute() : PlacementFilterAttribute(new GpuTrainerPlacementFilterStrategy());
