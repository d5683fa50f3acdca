namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Clustering</c>.</summary>
public sealed class ClusteringSettings
{
    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    /// <summary>StackExchange.Redis connection string; required for <see cref="ClusteringProvider.Redis"/>.</summary>
    public string? ConnectionString { get; set; }
}
