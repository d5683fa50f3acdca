using System.Net;

namespace EvoGrains.Cli.Cluster;

/// <summary>Where the client finds the cluster: a gateway address, or Redis membership.</summary>
public sealed record ClusterEndpoint(IPEndPoint? Gateway, string? RedisConnectionString, string ServiceId = "evograins", string ClusterId = "local")
{
    public const string DefaultGateway = "127.0.0.1:30000";

    public static ClusterEndpoint Parse(string? gateway, string? redis, string? clusterId)
    {
        if (!string.IsNullOrWhiteSpace(redis))
        {
            return new ClusterEndpoint(null, redis, ClusterId: clusterId ?? "local");
        }

        var text = string.IsNullOrWhiteSpace(gateway) ? DefaultGateway : gateway;
        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port == 0)
        {
            throw new InputException($"--gateway '{text}' is not host:port (e.g. {DefaultGateway})");
        }

        return new ClusterEndpoint(endpoint, null, ClusterId: clusterId ?? "local");
    }

    public override string ToString() => Gateway?.ToString() ?? "redis membership";
}
