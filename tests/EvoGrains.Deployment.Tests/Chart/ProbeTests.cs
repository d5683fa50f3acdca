using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.Hosting;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>Silo probes call the silo's own health endpoints on the container's HTTP port, with the values' timings.</summary>
public sealed class ProbeTests
{
    private static readonly Lazy<RenderedChart> Chart = new(() => HelmRenderer.Render());

    public static TheoryData<string> SiloDeployments => new() { "-silo-cpu", "-silo-gpu" };

    [Theory]
    [MemberData(nameof(SiloDeployments))]
    public void Probes_use_the_silo_health_endpoints_on_the_http_port(string deployment)
    {
        var container = Assert.Single(Chart.Value.Single<V1Deployment>(deployment).Spec.Template.Spec.Containers);
        var http = Assert.Single(container.Ports, p => p.Name == "http");

        Assert.Equal(http.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), container.Env.Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value);
        AssertProbe(container.StartupProbe, EvoGrainsSiloEndpoints.LivePath, "startup");
        AssertProbe(container.ReadinessProbe, EvoGrainsSiloEndpoints.ReadyPath, "readiness");
        AssertProbe(container.LivenessProbe, EvoGrainsSiloEndpoints.LivePath, "liveness");
    }

    [Fact]
    public void Startup_allows_minutes_to_join_while_liveness_restarts_within_a_minute()
    {
        var container = Assert.Single(Chart.Value.CpuSilos.Spec.Template.Spec.Containers);

        Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold >= 120);
        Assert.True(container.LivenessProbe.PeriodSeconds * container.LivenessProbe.FailureThreshold <= 90);
    }

    [Fact]
    public void Redis_has_startup_readiness_and_liveness_probes()
    {
        var container = Assert.Single(Chart.Value.Single<V1StatefulSet>("-redis").Spec.Template.Spec.Containers);

        Assert.Equal("redis", container.StartupProbe.TcpSocket.Port.Value);
        Assert.Contains("ping", string.Join(' ', container.ReadinessProbe.Exec.Command), StringComparison.Ordinal);
        Assert.Equal("redis", container.LivenessProbe.TcpSocket.Port.Value);
    }

    private static void AssertProbe(V1Probe probe, string path, string values)
    {
        var settings = ChartValues.Defaults;
        Assert.Equal(path, probe.HttpGet.Path);
        Assert.Equal("http", probe.HttpGet.Port.Value);
        Assert.Equal(settings.Int("probes", values, "periodSeconds"), probe.PeriodSeconds);
        Assert.Equal(settings.Int("probes", values, "failureThreshold"), probe.FailureThreshold);
        Assert.Equal(settings.Int("probes", values, "timeoutSeconds"), probe.TimeoutSeconds);
    }
}
