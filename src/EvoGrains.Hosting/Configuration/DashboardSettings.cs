namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Dashboard</c>.</summary>
public sealed class DashboardSettings
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/dashboard";
}
