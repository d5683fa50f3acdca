using Orleans.Placement;

namespace EvoGrains.Grains.Placement;

/// <summary>
/// Restricts placement to silos whose metadata says <c>hardware.accelerator=gpu</c>.
/// Orleans recreates strategies from grain properties through the parameterless constructor.
/// </summary>
public sealed class GpuTrainerPlacementFilterStrategy() : PlacementFilterStrategy(order: 0);
