using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>Values combinations that cannot work stop the render with the chart's own message, as `helm install` would.</summary>
public sealed class RenderFailureTests
{
    [Theory]
    [InlineData("orleans.terminationGracePeriodSeconds=30", "orleans.terminationGracePeriodSeconds must be greater than orleans.shutdownTimeoutSeconds")]
    [InlineData("storage.provider=postgres", "storage.provider must be redis, azureblob or memory")]
    [InlineData("storage.provider=azureblob", "storage.provider=azureblob needs storage.azureBlob.existingSecret")]
    [InlineData("redis.enabled=false", "redis.enabled=false needs redis.external.connectionString or redis.external.existingSecret")]
    [InlineData("clustering.provider=etcd", "clustering.provider must be redis or azuretable")]
    [InlineData("clustering.provider=azuretable", "clustering.provider=azuretable needs clustering.azureTable.existingSecret")]
    [InlineData("dashboard.path=dashboard", "dashboard.path must start with /")]
    public void Impossible_values_fail_the_render_naming_the_values(string set, string message)
    {
        var result = HelmRenderer.Run("--set", set);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^Error: execution error at \(evograins/templates/[^)]+:\d+:\d+\): ", result.StandardError);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void Disabling_both_silo_kinds_fails_the_render()
    {
        var result = HelmRenderer.Run("--set", "cpuSilo.enabled=false", "--set", "gpuSilo.enabled=false");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("enable cpuSilo, gpuSilo or both", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grace_period_just_above_the_shutdown_timeout_renders()
    {
        var chart = HelmRenderer.Render("--set", "orleans.shutdownTimeoutSeconds=40", "--set", "orleans.terminationGracePeriodSeconds=41");

        Assert.Equal(41, chart.CpuSilos.Spec.Template.Spec.TerminationGracePeriodSeconds);
    }
}
