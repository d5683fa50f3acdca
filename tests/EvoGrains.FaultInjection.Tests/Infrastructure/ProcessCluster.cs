using EvoGrains.Abstractions;
using EvoGrains.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>
/// A redis-server and N silo processes on loopback; silo 0 is GPU-capable. A test owns one and disposes
/// it, which kills every process it started (even after a failed assertion).
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(45);

    private readonly string workingDirectory;
    private readonly List<IHost> clients = [];

    private ProcessCluster(RedisServer redis, IReadOnlyList<SiloProcess> silos, string workingDirectory)
    {
        Redis = redis;
        Silos = silos;
        this.workingDirectory = workingDirectory;
    }

    public RedisServer Redis { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public static async Task<ProcessCluster> StartAsync(int silos, bool allowCpuTrainers)
    {
        var redis = await RedisServer.StartAsync();
        var workingDirectory = Directory.CreateTempSubdirectory("evograins-faults-silos-").FullName;
        var cluster = new ProcessCluster(
            redis,
            Enumerable.Range(0, silos).Select(i => new SiloProcess(i, redis.ConnectionString, allowCpuTrainers, workingDirectory)).ToList(),
            workingDirectory);
        try
        {
            // The first silo alone, then the rest: they join an existing cluster instead of racing to create it.
            cluster.Silos[0].Start();
            await cluster.Silos[0].WaitReadyAsync(ReadyTimeout);
            foreach (var silo in cluster.Silos.Skip(1))
            {
                silo.Start();
            }

            await Task.WhenAll(cluster.Silos.Skip(1).Select(s => s.WaitReadyAsync(ReadyTimeout)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts silo i again on its ports; the new generation marks the killed one dead in the membership table.</summary>
    public async Task RestartAsync(int index)
    {
        Silos[index].Start();
        await Silos[index].WaitReadyAsync(ReadyTimeout);
    }

    public SiloProcess? SiloAt(SiloAddress? address) =>
        address is null ? null : Silos.SingleOrDefault(s => s.SiloPort == address.Endpoint.Port);

    /// <summary>An Orleans client that finds gateways through Redis (so it outlives any one silo), with short call timeouts.</summary>
    public async Task<IClusterClient> ConnectAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(Redis.ConnectionString);
            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = "evograins";
                options.ClusterId = "local";
            });
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Where the directory says a grain is active (null when it is not, or the lookup fails).</summary>
    public static async Task<SiloAddress?> HostOfAsync(IClusterClient client, IAddressable grain)
    {
        try
        {
            return await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    public string Diagnostics() =>
        string.Join(Environment.NewLine, Silos.Select(s => $"--- {s} running={s.IsRunning} starts={s.Starts}{Environment.NewLine}{Tail(s.Output)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in clients)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await host.StopAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The cluster is going away anyway.
            }

            host.Dispose();
        }

        // Every process goes, even when one of them fails to: a leaked silo would outlive the test run.
        var failures = new List<Exception>();
        foreach (var silo in Silos)
        {
            await DisposeQuietlyAsync(silo, failures);
        }

        await DisposeQuietlyAsync(Redis, failures);
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("cleaning up the process cluster", failures);
        }
    }

    private static async Task DisposeQuietlyAsync(IAsyncDisposable disposable, List<Exception> failures)
    {
        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add(ex);
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
