namespace EvoGrains.Grains.Placement;

/// <summary>Bound from <c>EvoGrains:Placement</c>. Must agree on every silo: any silo may place a trainer.</summary>
public sealed class GpuPlacementOptions
{
    public const string SectionName = "EvoGrains:Placement";

    /// <summary>When true, <see cref="GpuTrainerPlacementAttribute"/> grains may also activate on CPU silos.</summary>
    public bool AllowCpuTrainers { get; set; }
}
