namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Silo</c>: this silo's endpoints, hardware and shutdown.</summary>
public sealed class SiloSettings
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients dial; falls back to env POD_IP (Kubernetes downward API), then Orleans' own
    /// pick.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    public AcceleratorMode Accelerator { get; set; } = AcceleratorMode.Auto;

    /// <summary>
    /// How long a stopping silo may spend deactivating grains and handing off before the host gives up.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
