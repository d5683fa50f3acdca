using System.CommandLine;
using EvoGrains.Cli.Cluster;

namespace EvoGrains.Cli.Commands;

/// <summary>The options every cluster command shares: how to reach the cluster.</summary>
public sealed class ClusterOptions
{
    public Option<string?> Gateway { get; } = new("--gateway") { Description = $"Gateway host:port (default {ClusterEndpoint.DefaultGateway}, or EVOGRAINS_GATEWAY)." };

    public Option<string?> Redis { get; } = new("--redis") { Description = "Find gateways through Redis membership instead (connection string, or EVOGRAINS_REDIS)." };

    public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = "Orleans ClusterId of the silos (default local)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(Redis);
        command.Options.Add(ClusterId);
    }

    public ClusterEndpoint Resolve(ParseResult parse) => ClusterEndpoint.Parse(
        parse.GetValue(Gateway) ?? Environment.GetEnvironmentVariable("EVOGRAINS_GATEWAY"),
        parse.GetValue(Redis) ?? Environment.GetEnvironmentVariable("EVOGRAINS_REDIS"),
        parse.GetValue(ClusterId));

    /// <summary>Connects, runs <paramref name="action"/> with the client, and disconnects.</summary>
    public async Task<int> WithClientAsync(ParseResult parse, CancellationToken cancellationToken, Func<IClusterClient, Task<int>> action)
    {
        await using var connection = await ClusterConnection.ConnectAsync(Resolve(parse), cancellationToken);
        return await action(connection.Client);
    }
}
