using System.CommandLine;
using EvoGrains.Cli.Cluster;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// How to reach the cluster: declared once and shared by every cluster command. Defaults come
/// from EVOGRAINS_GATEWAY, EVOGRAINS_REDIS and EVOGRAINS_CLUSTER_ID when the option is not given.
/// </summary>
public sealed class ClusterOptions
{
    public ClusterOptions()
    {
        Gateway.Check(text => text is null ? null : ClusterEndpoint.SyntaxError(text));
    }

    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = $"Gateway host:port (default: EVOGRAINS_GATEWAY, else {ClusterEndpoint.DefaultGateway}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EVOGRAINS_GATEWAY"),
    };

    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = "Find gateways through Redis membership instead (connection string; default: EVOGRAINS_REDIS).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EVOGRAINS_REDIS"),
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Orleans ClusterId of the silos (default: EVOGRAINS_CLUSTER_ID, else local).",
        DefaultValueFactory = _ =>
            Environment.GetEnvironmentVariable("EVOGRAINS_CLUSTER_ID") is { Length: > 0 } id ? id : "local",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Gateway);
        command.Options.Add(Redis);
        command.Options.Add(ClusterId);
    }

    public ClusterEndpoint Resolve(ParseResult parse) =>
        ClusterEndpoint.Parse(parse.GetValue(Gateway), parse.GetValue(Redis), parse.GetValue(ClusterId));

    /// <summary>Connects, runs <paramref name="action"/> with the client, and disconnects.</summary>
    public async Task<int> WithClientAsync(
        ParseResult parse,
        CancellationToken cancellationToken,
        Func<IClusterClient, Task<int>> action)
    {
        await using var connection = await ClusterConnection.ConnectAsync(Resolve(parse), cancellationToken);
        return await action(connection.Client);
    }
}
