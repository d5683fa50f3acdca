using EvoGrains.Hosting.Configuration;
using EvoGrains.Hosting.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace EvoGrains.Hosting;

public static class EvoGrainsSiloEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// Maps /health/live, /health/ready and, when enabled, the Orleans dashboard and the searches' web page and API.
    /// </summary>
    public static IEndpointRouteBuilder MapEvoGrainsSiloEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no checks: a slow or partitioned cluster must not get the pod restarted.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(
            ReadyPath,
            new HealthCheckOptions { Predicate = check => check.Tags.Contains(EvoGrainsSiloExtensions.ReadyTag) });

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<EvoGrainsSiloOptions>>().Value;
        if (options.Dashboard.Enabled)
        {
            endpoints.MapOrleansDashboard(options.Dashboard.Path);
        }

        if (options.Web.Enabled)
        {
            endpoints.MapSearchWebPage();
        }

        return endpoints;
    }
}
