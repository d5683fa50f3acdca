using System.Globalization;
using EvoGrains.Hosting;
using EvoGrains.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EvoGrains.Benchmarks.Tests.Orchestration;

/// <summary>One silo set up as `evograins bench orchestration` sets up its embedded silo: memory storage, CPU trainers.</summary>
public sealed class OrchestrationSiloFixture : IAsyncLifetime
{
    private IHost? host;

    public IClusterClient Client => host?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("Silo not started.");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EvoGrains:Clustering:Provider"] = "localhost",
            ["EvoGrains:Storage:Provider"] = "memory",
            ["EvoGrains:Silo:SiloPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:GatewayPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["EvoGrains:Silo:Accelerator"] = "cpu",
            ["EvoGrains:Silo:ShutdownTimeout"] = "00:00:10",
            ["EvoGrains:Dashboard:Enabled"] = "false",
            ["EvoGrains:Placement:AllowCpuTrainers"] = "true",
        });
        builder.AddEvoGrainsSilo();
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
