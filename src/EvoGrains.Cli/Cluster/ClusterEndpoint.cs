using System.Net;

namespace EvoGrains.Cli.Cluster;

/// <summary>Where the client finds the cluster: a gateway address, or Redis membership.</summary>
public sealed record ClusterEndpoint(
    IPEndPoint? Gateway,
    string? RedisConnectionString,
    string ServiceId = "evograins",
    string ClusterId = "local")
{
    public const string DefaultGateway = "127.0.0.1:30000";

    public static ClusterEndpoint Parse(string? gateway, string? redis, string? clusterId)
    {
        if (!string.IsNullOrWhiteSpace(redis))
        {
            return new ClusterEndpoint(null, redis, ClusterId: clusterId ?? "local");
        }

        var text = string.IsNullOrWhiteSpace(gateway) ? DefaultGateway : gateway;
        return new ClusterEndpoint(ResolveGateway(text), null, ClusterId: clusterId ?? "local");
    }

    /// <summary>
    /// Why <paramref name="text"/> is not host:port, or null when it is (the host is not resolved here).
    /// </summary>
    public static string? SyntaxError(string text)
    {
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0)
        {
            return null;
        }

        var colon = text.LastIndexOf(':');
        return colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is <= 0 or > 65535
            ? $"--gateway '{text}' is not host:port (e.g. {DefaultGateway})"
            : null;
    }

    /// <summary>host:port where host is an IP address or a DNS name (e.g. a Kubernetes Service).</summary>
    private static IPEndPoint ResolveGateway(string text)
    {
        if (SyntaxError(text) is { } syntax)
        {
            throw new InputException(syntax);
        }

        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        var colon = text.LastIndexOf(':');
        var port = int.Parse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var host = text[..colon];
        try
        {
            var address = Dns.GetHostAddresses(host)
                .OrderBy(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 0 : 1)
                .First();
            return new IPEndPoint(address, port);
        }
        catch (Exception error) when (error is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new InputException($"--gateway '{text}': cannot resolve host '{host}'");
        }
    }

    public override string ToString() => Gateway?.ToString() ?? "redis membership";
}
