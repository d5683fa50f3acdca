namespace EvoGrains.Hosting.Configuration;

public enum ClusteringProvider
{
    /// <summary>Single-machine development clustering; the embedded <c>evograins local</c> default.</summary>
    Localhost,
    Redis,
}
