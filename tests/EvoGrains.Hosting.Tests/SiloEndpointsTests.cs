using System.Net;
using EvoGrains.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace EvoGrains.Hosting.Tests;

/// <summary>The silo executable's HTTP surface, served by Kestrel on a free loopback port.</summary>
[Trait("Category", "Integration")]
public sealed class SiloEndpointsTests
{
    [Fact]
    public async Task Health_and_dashboard_endpoints_answer()
    {
        var httpPort = FreeTcpPort.Next();
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Dashboard:Enabled"] = "true";
        configuration["Urls"] = $"http://127.0.0.1:{httpPort}";

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddEvoGrainsSilo();
        await using var app = builder.Build();
        app.MapEvoGrainsSiloEndpoints();
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(EvoGrainsSiloEndpoints.LivePath)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(EvoGrainsSiloEndpoints.ReadyPath)).StatusCode);
            var dashboard = await http.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Orleans Dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
