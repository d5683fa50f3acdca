namespace EvoGrains.Hosting.Configuration;

/// <summary>
/// Everything under the <c>EvoGrains</c> configuration section that shapes the silo. Environment
/// variables override with the usual double underscore, e.g. <c>EvoGrains__Storage__Provider=redis</c>.
/// </summary>
public sealed class EvoGrainsSiloOptions
{
    public const string SectionName = "EvoGrains";

    public string ServiceId { get; set; } = "evograins";

    public string ClusterId { get; set; } = "local";

    public ClusteringSettings Clustering { get; set; } = new();

    public StorageSettings Storage { get; set; } = new();

    public SiloSettings Silo { get; set; } = new();

    public DashboardSettings Dashboard { get; set; } = new();

    public WebSettings Web { get; set; } = new();
}
