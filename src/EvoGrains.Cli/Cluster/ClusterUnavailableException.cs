namespace EvoGrains.Cli.Cluster;

/// <summary>The cluster could not be reached after retrying; reported as one line, exit code 1.</summary>
public sealed class ClusterUnavailableException(string message) : Exception(message);
