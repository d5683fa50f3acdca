namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Clustering</c>.</summary>
public sealed class ClusteringSettings
{
    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    /// <summary>
    /// StackExchange.Redis connection string for <see cref="ClusteringProvider.Redis"/>, Azure Storage
    /// connection string for <see cref="ClusteringProvider.AzureTable"/>; required for both.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Membership table for <see cref="ClusteringProvider.AzureTable"/>.</summary>
    public string TableName { get; set; } = "OrleansSiloInstances";
}
