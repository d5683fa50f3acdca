using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EvoGrains.Hosting.Health;

/// <summary>Ready once membership lists this silo as Active; reads local state only, never calls a grain.</summary>
internal sealed class SiloActiveHealthCheck(ILocalSiloDetails localSilo, IClusterMembershipService membership)
    : IHealthCheck
{
    public const string Name = "orleans-silo-active";

    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}."));
    }
}
