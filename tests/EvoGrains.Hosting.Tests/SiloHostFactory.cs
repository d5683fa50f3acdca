using EvoGrains.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EvoGrains.Hosting.Tests;

/// <summary>Builds silos exactly as the executable does (<c>AddEvoGrainsSilo</c>), from in-memory configuration only.</summary>
internal static class SiloHostFactory
{
    public static IHost Build(IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddEvoGrainsSilo();
        return builder.Build();
    }

    /// <summary>Settings every test silo shares: fresh loopback ports, no dashboard, quick shutdown.</summary>
    public static Dictionary<string, string?> BaseConfiguration(string serviceId) => new()
    {
        ["EvoGrains:ServiceId"] = serviceId,
        ["EvoGrains:ClusterId"] = "test",
        ["EvoGrains:Silo:SiloPort"] = FreeTcpPort.Next().ToString(),
        ["EvoGrains:Silo:GatewayPort"] = FreeTcpPort.Next().ToString(),
        ["EvoGrains:Silo:AdvertisedIPAddress"] = "127.0.0.1",
        ["EvoGrains:Silo:Accelerator"] = "cpu",
        ["EvoGrains:Silo:ShutdownTimeout"] = "00:00:10",
        ["EvoGrains:Dashboard:Enabled"] = "false",
    };
}
