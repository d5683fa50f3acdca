namespace EvoGrains.Hosting.Configuration;

public enum AcceleratorMode
{
    /// <summary>Probe the NVIDIA driver at start-up.</summary>
    Auto,
    Gpu,
    Cpu,
}
