using System.Diagnostics;
using EvoGrains.TestSupport;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>
/// One EvoGrains.Silo executable (<c>dotnet EvoGrains.Silo.dll</c>) with Redis clustering and Redis storage,
/// on fixed loopback ports so a replacement started after a kill takes over the dead silo's endpoint.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string redis;
    private readonly bool allowCpuTrainers;
    private readonly string workingDirectory;
    private ChildProcess? process;
    private string previousOutput = string.Empty;

    public SiloProcess(int index, string redisConnectionString, bool allowCpuTrainers, string workingDirectory)
    {
        Index = index;
        redis = redisConnectionString;
        this.allowCpuTrainers = allowCpuTrainers;
        this.workingDirectory = workingDirectory;
        SiloPort = FreeTcpPort.Next();
        GatewayPort = FreeTcpPort.Next();
        HttpPort = FreeTcpPort.Next();
    }

    public int Index { get; }

    /// <summary>Silo 0 is the only GPU-capable silo.</summary>
    public bool IsGpu => Index == 0;

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    /// <summary>How many times this slot has been started (1 after the first start).</summary>
    public int Starts { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Output of the current process, after that of the killed ones.</summary>
    public string Output => previousOutput + (process?.Output ?? string.Empty);

    public override string ToString() => $"silo {Index} ({(IsGpu ? "gpu" : "cpu")}, port {SiloPort}, gateway {GatewayPort})";

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{this} is already running.");
        }

        var environment = new Dictionary<string, string>
        {
            ["EvoGrains__Clustering__Provider"] = "redis",
            ["EvoGrains__Clustering__ConnectionString"] = redis,
            ["EvoGrains__Storage__Provider"] = "redis",
            ["EvoGrains__Storage__ConnectionString"] = redis,
            ["EvoGrains__Silo__SiloPort"] = SiloPort.ToString(),
            ["EvoGrains__Silo__GatewayPort"] = GatewayPort.ToString(),
            ["EvoGrains__Silo__AdvertisedIPAddress"] = "127.0.0.1",
            ["EvoGrains__Silo__Accelerator"] = IsGpu ? "gpu" : "cpu",
            ["EvoGrains__Placement__AllowCpuTrainers"] = allowCpuTrainers ? "true" : "false",
            ["EvoGrains__Dashboard__Enabled"] = "false",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HttpPort}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // Small, quick processes: three of them share two cores with the test.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",
        };
        process = ChildProcess.Start("dotnet", [SiloExecutable.Path], workingDirectory, environment);
        Starts++;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var url = $"http://127.0.0.1:{HttpPort}/health/ready";
        while (deadline.Elapsed < timeout)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{this} exited while starting:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{this} not ready at {url} within {timeout}:{Environment.NewLine}{Output}");
    }

    /// <summary>kill -9.</summary>
    public async Task KillAsync()
    {
        if (process is { } killed)
        {
            killed.Kill();
            await killed.DisposeAsync();
            previousOutput += $"{killed.Output}[killed with SIGKILL]{Environment.NewLine}";
            process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }
}
