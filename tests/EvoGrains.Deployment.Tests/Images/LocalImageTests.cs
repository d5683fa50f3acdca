using System.Diagnostics;
using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace EvoGrains.Deployment.Tests.Images;

/// <summary>
/// deploy/images/build-local.sh: the CPU silo image (Dockerfile.silo-cpu), built with buildah from a debootstrap
/// base and this tree's own build of the silo, starts its entrypoint, joins a silo running on the host through
/// the test Redis, and trains a real job there (TorchSharp in the image, on the image's Fashion-MNIST).
/// </summary>
[Trait("Category", "Integration")]
public sealed class LocalImageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(RepoPaths.Deploy, "images", "build-local.sh");
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly string folder = Directory.CreateTempSubdirectory("evograins-image-").FullName;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<IAsyncDisposable> started = [];
    private IHost? client;

    private string Image => $"localhost/evograins-test/silo-cpu:{run}";

    private string Container => $"evograins-test-{run}";

    [BuildahFact]
    public async Task The_cpu_silo_image_joins_a_silo_on_the_host_and_trains_a_job()
    {
        var app = Publish();
        var image = Build(app);

        var redis = await RedisServer.StartAsync();
        started.Add(redis);
        var host = new SiloPorts();
        var hostSilo = Started(ChildProcess.Start("dotnet", [Path.Combine(app, "EvoGrains.Silo.dll")], folder, SiloEnvironment(redis, host, "cpu")));
        await WaitReadyAsync(hostSilo, host, "the silo on the host");
        Log("host silo ready");

        // Marked GPU-capable (placement metadata only: training runs on the CPU without CUDA), so trainers can land
        // nowhere else: the job below can only be trained inside the image.
        var inImage = new SiloPorts();
        var containerArguments = new List<string> { Script, "run", image, "--name", Container };
        foreach (var (key, value) in SiloEnvironment(redis, inImage, "gpu"))
        {
            containerArguments.AddRange(["--env", $"{key}={value}"]);
        }

        var containerStart = clock.Elapsed;
        var imageSilo = Started(ChildProcess.Start("bash", containerArguments, folder));
        await WaitReadyAsync(imageSilo, inImage, "the silo in the image");
        Log($"silo in the image ready {(clock.Elapsed - containerStart).TotalSeconds:F1} s after `build-local.sh run`");

        var cluster = await ConnectAsync(redis);
        var searchId = $"image-{run}";
        var search = cluster.GetGrain<ISearchGrain>(searchId);
        await search.StartAsync(Spec());
        var trained = await WaitForTrainedJobAsync(search, imageSilo);
        Log($"first job trained in the image: {trained.Status}, fitness {trained.Fitness:F3}, {trained.Seconds:F1} s");

        var trainer = await cluster.GetGrain<IManagementGrain>(0).GetActivationAddress(cluster.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0)));
        Assert.True(trainer?.Endpoint.Port == inImage.Silo, $"trainer 0 is on {trainer}, not on the silo in the image (port {inImage.Silo})");
        Assert.Null(trained.Failure);
        Assert.Equal(Spec().Evaluation.Steps, trained.Steps);
        // Chance is 0.1 on ten classes: the model in the image learned (the seeded search's first loss reaches about 0.37).
        Assert.True(trained.Fitness is > 0.2 and <= 1.0, $"validation accuracy {trained.Fitness}");
        await search.CancelAsync();

        // SIGTERM to the script reaches the silo in the image (a graceful Orleans shutdown), and the script then
        // removes its working container.
        var stop = ChildProcess.Run("kill", ["-TERM", imageSilo.Id.ToString(CultureInfo.InvariantCulture)], folder);
        Assert.True(stop.ExitCode == 0, stop.StandardError);
        await WaitUntilAsync(() => imageSilo.Output.Contains("Orleans Silo stopped.", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the silo in the image to stop after SIGTERM", imageSilo);
        await WaitUntilAsync(() => imageSilo.HasExited, TimeSpan.FromSeconds(30), "build-local.sh run to end", imageSilo);
        Assert.NotEqual(0, Buildah("inspect", "--type", "container", Container).ExitCode);
        Log("silo in the image stopped on SIGTERM; its working container is gone");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The cluster goes away with the test.
            }

            client.Dispose();
        }

        foreach (var disposable in Enumerable.Reverse(started))
        {
            await disposable.DisposeAsync();
        }

        // A failed run may leave its working container (the script had no chance to remove it) and its image.
        Buildah("rm", Container);
        Buildah("rmi", Image);
        TempFolder.DeleteQuietly(folder);
    }

    // This tree's build of the silo (the tests run --no-build after `dotnet build`): the same bits every other test ran.
    private string Publish()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.Combine(folder, "app");
        var publish = ChildProcess.Run(
            "dotnet",
            ["publish", Path.Combine(RepoPaths.Root, "src", "EvoGrains.Silo", "EvoGrains.Silo.csproj"), "-c", configuration, "--no-build", "--no-restore", "-o", app],
            RepoPaths.Root);
        Assert.True(publish.ExitCode == 0, publish.StandardOutput + publish.StandardError);
        Log($"published the silo ({configuration})");
        return app;
    }

    private string Build(string app)
    {
        // The first build on a machine runs debootstrap (a few minutes); later ones reuse the cached base.
        var build = ChildProcess.Run("bash", [Script, "build", "--app", app, "--tag", Image], RepoPaths.Root, timeout: TimeSpan.FromMinutes(15));
        Assert.True(build.ExitCode == 0, build.StandardOutput + build.StandardError);
        var image = build.StandardOutput.Trim().Split('\n')[^1];
        Assert.Equal(Image, image);
        Log($"built {image}");

        // Docker's image format, so the HEALTHCHECK is kept; the non-root user of the Dockerfile.
        var config = Buildah("inspect", "--type", "image", "--format", "{{.Docker.Config.User}} {{.Docker.Config.Healthcheck.Test}}", image);
        Assert.Equal("1654 [CMD-SHELL curl -fsS http://127.0.0.1:8080/health/live || exit 1]", config.StandardOutput.Trim());
        return image;
    }

    private static Dictionary<string, string> SiloEnvironment(RedisServer redis, SiloPorts ports, string accelerator) => new()
    {
        ["EvoGrains__Clustering__Provider"] = "redis",
        ["EvoGrains__Clustering__ConnectionString"] = redis.ConnectionString,
        ["EvoGrains__Storage__Provider"] = "redis",
        ["EvoGrains__Storage__ConnectionString"] = redis.ConnectionString,
        ["EvoGrains__Silo__SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
        ["EvoGrains__Silo__GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
        ["EvoGrains__Silo__AdvertisedIPAddress"] = "127.0.0.1",
        ["EvoGrains__Silo__Accelerator"] = accelerator,
        ["EvoGrains__Placement__AllowCpuTrainers"] = "false",
        ["EvoGrains__Dashboard__Enabled"] = "false",
        // The image's default is 8080 on every interface; chroot isolation shares the host's network.
        ["ASPNETCORE_HTTP_PORTS"] = ports.Http.ToString(CultureInfo.InvariantCulture),
        // Two processes and the test share two cores.
        ["DOTNET_gcServer"] = "0",
    };

    // One search, one trainer, a small MLP: the first job is a few seconds of real training.
    private static SearchSpec Spec() => new()
    {
        Name = "image",
        Seed = 5,
        Islands = new IslandSpec { Count = 1, Methods = ["random"], PopulationSize = 4, SeedEvaluations = 2, InFlight = 1 },
        Migration = new MigrationSpec { Every = 5, Count = 0 },
        Budget = new BudgetSpec { MaxEvaluations = 2 },
        Evaluation = new EvaluationSpec
        {
            Evaluator = "training",
            Dataset = "fashion-mnist",
            Model = "mlp",
            Steps = 30,
            BatchSize = 32,
            WarmupSteps = 5,
            TrainSubset = 1000,
            ValidationSize = 500,
        },
        Trainers = new TrainerSpec { Count = 1, AllowCpu = false, Threads = 1, LeaseSeconds = 60, PackSize = 1 },
        FinalStage = new FinalStageSpec { TopK = 1, Steps = 30, Seeds = 2, Baselines = ["ce"] },
    };

    private async Task<HistoryEntry> WaitForTrainedJobAsync(ISearchGrain search, ChildProcess imageSilo)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            var status = await search.GetStatusAsync();
            Assert.False(status.IsTerminal && status.EvaluationsDone == 0, $"the search ended ({status.State}) before any job was trained:{Environment.NewLine}{Tail(imageSilo.Output)}");
            var history = await search.GetHistoryAsync(0, 100);
            if (history.Entries.FirstOrDefault(e => e.Status != EvaluationStatus.Failed) is { } entry)
            {
                return entry;
            }

            if (history.Entries.FirstOrDefault() is { } failed)
            {
                Assert.Fail($"the first job failed: {failed.Failure}{Environment.NewLine}{Tail(imageSilo.Output)}");
            }

            Assert.False(imageSilo.HasExited, $"the silo in the image exited:{Environment.NewLine}{Tail(imageSilo.Output)}");
            await Task.Delay(500);
        }

        throw new TimeoutException($"no job trained within 3 minutes:{Environment.NewLine}{Tail(imageSilo.Output)}");
    }

    private async Task<IClusterClient> ConnectAsync(RedisServer redis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(orleans =>
        {
            orleans.UseRedisClustering(redis.ConnectionString);
            orleans.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = "evograins";
                options.ClusterId = "local";
            });
        });
        client = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.StartAsync(timeout.Token);
        return client.Services.GetRequiredService<IClusterClient>();
    }

    private ChildProcess Started(ChildProcess process)
    {
        started.Add(process);
        return process;
    }

    private static async Task WaitReadyAsync(ChildProcess silo, SiloPorts ports, string name)
    {
        var url = $"http://127.0.0.1:{ports.Http}/health/ready";
        await WaitUntilAsync(
            async () =>
            {
                try
                {
                    using var response = await Http.GetAsync(url);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Assert.False(silo.HasExited, $"{name} exited while starting:{Environment.NewLine}{Tail(silo.Output)}");
                    return false;
                }
            },
            ReadyTimeout,
            $"{name} to answer {url}",
            silo);
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, ChildProcess process) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what, process);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, ChildProcess process)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout} for {what}:{Environment.NewLine}{Tail(process.Output)}");
            }

            await Task.Delay(250);
        }
    }

    private static ProcessResult Buildah(params string[] arguments) =>
        ChildProcess.Run("bash", ["-c", "if [ \"$(id -u)\" -eq 0 ]; then buildah \"$@\"; else sudo -n buildah \"$@\"; fi", "buildah", .. arguments], RepoPaths.Root);

    private void Log(string message) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {message}");

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}
