namespace EvoGrains.Grains.Placement;

/// <summary>The compute a silo offers trainers, published as silo metadata.</summary>
public enum Accelerator
{
    Cpu,
    Gpu,
}
