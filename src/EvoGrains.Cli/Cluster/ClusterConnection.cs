using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Polly;
using Polly.Retry;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// A connected Orleans client. Connecting retries with backoff (a gateway that is still starting
/// is common); when the cluster stays unreachable it fails with one clear line.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(4);

    private readonly IHost host;

    private ClusterConnection(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public static async Task<ClusterConnection> ConnectAsync(
        ClusterEndpoint endpoint,
        CancellationToken cancellationToken)
    {
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsUnreachable),
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
            })
            // The Orleans client keeps trying a dead gateway on its own; bound each attempt.
            .AddTimeout(AttemptTimeout)
            .Build();
        try
        {
            return await retry.ExecuteAsync(async token =>
            {
                var host = Build(endpoint);
                try
                {
                    await host.StartAsync(token);
                    return new ClusterConnection(host);
                }
                catch
                {
                    host.Dispose();
                    throw;
                }
            }, cancellationToken);
        }
        catch (Exception error) when (IsUnreachable(error))
        {
            var reason = error is Polly.Timeout.TimeoutRejectedException
                ? $"no answer within {AttemptTimeout.TotalSeconds:F0} s, 3 attempts"
                : FirstLine(error.Message);
            throw new ClusterUnavailableException(
                $"cannot reach the EvoGrains cluster at {endpoint} ({reason}); is a silo running?");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            host.Dispose();
        }
    }

    private static IHost Build(ClusterEndpoint endpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (endpoint.Gateway is { } gateway)
            {
                client.UseStaticClustering(gateway);
            }
            else
            {
                client.UseRedisClustering(endpoint.RedisConnectionString!);
            }

            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = endpoint.ServiceId;
                options.ClusterId = endpoint.ClusterId;
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        return builder.Build();
    }

    // Whatever the client throws while connecting (gateway refused, timed out, no silo) means the same to the user.
    private static bool IsUnreachable(Exception error) => error is not OperationCanceledException;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
