namespace EvoGrains.Grains.Placement;

/// <summary>Silo metadata vocabulary for <see cref="Accelerator"/>.</summary>
public static class AcceleratorMetadata
{
    public const string Key = "hardware.accelerator";
    public const string Gpu = "gpu";
    public const string Cpu = "cpu";

    public static string ToMetadataValue(this Accelerator accelerator) => accelerator switch
    {
        Accelerator.Gpu => Gpu,
        Accelerator.Cpu => Cpu,
        _ => throw new ArgumentOutOfRangeException(nameof(accelerator), accelerator, null),
    };
}
