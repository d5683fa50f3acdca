namespace EvoGrains.Hosting.Configuration;

public enum ClusteringProvider
{
    /// <summary>Single-machine development clustering; the embedded <c>evograins local</c> default.</summary>
    Localhost,
    Redis,

    /// <summary>Orleans' Azure Table membership (Microsoft.Orleans.Clustering.AzureStorage).</summary>
    AzureTable,
}
