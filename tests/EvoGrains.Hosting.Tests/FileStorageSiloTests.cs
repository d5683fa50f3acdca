using EvoGrains.Grains.Telemetry;
using EvoGrains.Hosting.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Hosting.Tests;

/// <summary>The embedded local run: localhost clustering with file storage resumes after a restart.</summary>
[Trait("Category", "Integration")]
public sealed class FileStorageSiloTests : IDisposable
{
    private readonly string runFolder = Directory.CreateTempSubdirectory("evograins-run-").FullName;

    [Fact]
    public async Task Localhost_silo_with_file_storage_resumes_state_after_restart()
    {
        await using (var first = await StartAsync())
        {
            var services = first.Silos[0].Services;
            Assert.Equal(EvoGrainsMetrics.MeterName, services.GetRequiredService<EvoGrainsMetrics>().Meter.Name);
            var counter = services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("resume");
            await counter.Increment();
            await counter.Increment();
            await counter.Increment();
        }

        // The silo stores Orleans' binary format, so its files say so.
        var files = Directory.GetFiles(Path.Combine(runFolder, "state"), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.EndsWith(".bin", file, StringComparison.Ordinal));

        await using var second = await StartAsync();
        var resumed = second.Silos[0].Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("resume");
        Assert.Equal(3, await resumed.Get());
    }

    public void Dispose() => Directory.Delete(runFolder, recursive: true);

    private async Task<RunningCluster> StartAsync()
    {
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Clustering:Provider"] = "localhost";
        configuration["EvoGrains:Storage:Provider"] = "file";
        configuration["EvoGrains:Storage:RootFolder"] = Path.Combine(runFolder, "state");

        // The embedded silo keeps the dashboard services even without an HTTP endpoint to map them on.
        configuration["EvoGrains:Dashboard:Enabled"] = "true";
        var silo = SiloHostFactory.Build(configuration);
        await silo.StartAsync();
        return new RunningCluster([silo]);
    }
}
