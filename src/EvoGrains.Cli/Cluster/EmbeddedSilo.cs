using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EvoGrains.Core.Search;
using EvoGrains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// A one-silo cluster inside this process for `evograins local` and the benchmarks: localhost
/// clustering on free ports, grain state in files under the run folder by default (so an
/// interrupted search resumes), CPU trainers; with a web port, the searches' web page and API on
/// loopback (as a cluster's silos serve them).
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost host;

    private EmbeddedSilo(IHost host, int gatewayPort, Uri? webAddress)
    {
        this.host = host;
        GatewayPort = gatewayPort;
        WebAddress = webAddress;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    /// <summary>Where other clients (`evograins watch --gateway 127.0.0.1:port`) reach this silo.</summary>
    public int GatewayPort { get; }

    /// <summary>The web page's address (http://127.0.0.1:port/), or null when the silo serves none.</summary>
    public Uri? WebAddress { get; }

    /// <summary>
    /// Grain state in files under <paramref name="folder"/>: survives the process, so searches resume.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> FileStorage(string folder) =>
        new Dictionary<string, string?>
        {
            ["EvoGrains:Storage:Provider"] = "file",
            ["EvoGrains:Storage:RootFolder"] = folder,
        };

    public static IReadOnlyDictionary<string, string?> MemoryStorage() =>
        new Dictionary<string, string?> { ["EvoGrains:Storage:Provider"] = "memory" };

    public static IReadOnlyDictionary<string, string?> RedisStorage(string connectionString) =>
        new Dictionary<string, string?>
        {
            ["EvoGrains:Storage:Provider"] = "redis",
            ["EvoGrains:Storage:ConnectionString"] = connectionString,
        };

    /// <summary>
    /// libtorch threads of this machine's trainers for <paramref name="spec"/>: they are process-wide, so the
    /// trainers share the cores.
    /// </summary>
    public static int TrainingThreads(SearchSpec spec) => Math.Max(1, Environment.ProcessorCount / spec.Trainers.Count);

    public static Task<EmbeddedSilo> StartAsync(
        string stateFolder,
        SearchSpec spec,
        CancellationToken cancellationToken,
        int? webPort = null) =>
        StartAsync(FileStorage(stateFolder), spec, cancellationToken, webPort);

    /// <param name="storage">Grain storage settings (<see cref="FileStorage"/>,
    /// <see cref="MemoryStorage"/>...).</param>
    /// <param name="spec">The search the silo is for: its trainers decide the CPU placement and libtorch
    /// threads.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="webPort">Serve the web page on 127.0.0.1 at this port (0: a free one); null: no web page.</param>
    /// <exception cref="InputException">The web port is taken.</exception>
    public static async Task<EmbeddedSilo> StartAsync(
        IReadOnlyDictionary<string, string?> storage, SearchSpec spec, CancellationToken cancellationToken,
        int? webPort = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var gatewayPort = FreePort();
        IHostApplicationBuilder builder;
        if (webPort is { } port)
        {
            var web = WebApplication.CreateBuilder();
            // Loopback only: the page shows and (with a token) steers the search; nothing else on the network sees it.
            web.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            builder = web;
        }
        else
        {
            builder = Host.CreateApplicationBuilder();
        }

        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EvoGrains:Clustering:Provider"] = "localhost",
            ["EvoGrains:Silo:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:ShutdownTimeout"] = "00:00:20",
            ["EvoGrains:Dashboard:Enabled"] = "false",
            ["EvoGrains:Web:Enabled"] = webPort is null ? "false" : "true",
            ["EvoGrains:Placement:AllowCpuTrainers"] = spec.Trainers.AllowCpu ? "true" : "false",
            ["EvoGrains:Training:Threads"] = TrainingThreads(spec).ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(storage);
        builder.AddEvoGrainsSilo();
        if (builder is not WebApplicationBuilder webBuilder)
        {
            var host = ((HostApplicationBuilder)builder).Build();
            await host.StartAsync(cancellationToken);
            return new EmbeddedSilo(host, gatewayPort, null);
        }

        var app = webBuilder.Build();
        app.MapEvoGrainsSiloEndpoints();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException error)
            when (error.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || error.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await DisposeQuietlyAsync(app);
            throw new InputException(
                $"--web-port {webPort}: 127.0.0.1:{webPort} is already in use "
                + "(give another port, 0 for a free one, or --no-web)");
        }

        // Kestrel reports the port it bound, the free one when asked for 0.
        var address = new Uri(app.Urls.First(url => url.StartsWith("http://", StringComparison.Ordinal)));
        return new EmbeddedSilo(app, gatewayPort, address);
    }

    private static async Task DisposeQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // It never started.
        }

        await app.DisposeAsync();
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
