using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EvoGrains.Core.Search;
using EvoGrains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// A one-silo cluster inside this process for `evograins local` and the benchmarks: localhost
/// clustering on free ports, grain state in files under the run folder by default (so an
/// interrupted search resumes), CPU trainers.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost host;

    private EmbeddedSilo(IHost host, int gatewayPort)
    {
        this.host = host;
        GatewayPort = gatewayPort;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    /// <summary>Where other clients (`evograins watch --gateway 127.0.0.1:port`) reach this silo.</summary>
    public int GatewayPort { get; }

    /// <summary>Grain state in files under <paramref name="folder"/>: survives the process, so searches resume.</summary>
    public static IReadOnlyDictionary<string, string?> FileStorage(string folder) =>
        new Dictionary<string, string?> { ["EvoGrains:Storage:Provider"] = "file", ["EvoGrains:Storage:RootFolder"] = folder };

    public static IReadOnlyDictionary<string, string?> MemoryStorage() =>
        new Dictionary<string, string?> { ["EvoGrains:Storage:Provider"] = "memory" };

    public static IReadOnlyDictionary<string, string?> RedisStorage(string connectionString) =>
        new Dictionary<string, string?> { ["EvoGrains:Storage:Provider"] = "redis", ["EvoGrains:Storage:ConnectionString"] = connectionString };

    /// <summary>libtorch threads of this machine's trainers for <paramref name="spec"/>: they are process-wide, so the trainers share the cores.</summary>
    public static int TrainingThreads(SearchSpec spec) => Math.Max(1, Environment.ProcessorCount / spec.Trainers.Count);

    public static Task<EmbeddedSilo> StartAsync(string stateFolder, SearchSpec spec, CancellationToken cancellationToken) =>
        StartAsync(FileStorage(stateFolder), spec, cancellationToken);

    public static async Task<EmbeddedSilo> StartAsync(IReadOnlyDictionary<string, string?> storage, SearchSpec spec, CancellationToken cancellationToken)
    {
        var gatewayPort = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EvoGrains:Clustering:Provider"] = "localhost",
            ["EvoGrains:Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:ShutdownTimeout"] = "00:00:20",
            ["EvoGrains:Dashboard:Enabled"] = "false",
            ["EvoGrains:Placement:AllowCpuTrainers"] = spec.Trainers.AllowCpu ? "true" : "false",
            ["EvoGrains:Training:Threads"] = TrainingThreads(spec).ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(storage);
        builder.AddEvoGrainsSilo();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedSilo(host, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A clean stop deactivates grains: trainers hand back their leases and state is written.
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
