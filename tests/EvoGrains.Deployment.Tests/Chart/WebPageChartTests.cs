using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.Hosting.Configuration;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// The searches' web page in the chart: served on the silos' HTTP port behind the existing ClusterIP Service, read-only
/// unless an access token comes from a Secret (the chart's or one of yours), and NOTES.txt says how to reach it.
/// </summary>
public sealed class WebPageChartTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void By_default_the_page_is_served_read_only_on_the_clusterip_service()
    {
        var chart = HelmRenderer.Render("--notes", "--release", "evo", "--namespace", "research");
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, "-silo-cpu"));

        Assert.True(options.Web.Enabled);
        Assert.False(options.Web.ControlEnabled);
        var service = chart.Single<V1Service>("-dashboard");
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal("http", Assert.Single(service.Spec.Ports).TargetPort.Value);
        Assert.Contains("kubectl --namespace research port-forward svc/evo-evograins-dashboard 8080:8080", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("open http://127.0.0.1:8080/   (the searches", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("open http://127.0.0.1:8080/dashboard   (Orleans", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("The page is read-only", chart.Notes, StringComparison.Ordinal);
        Assert.DoesNotContain(chart.All<V1Secret>(), s => s.Metadata.Name.EndsWith("-web-token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_value_goes_into_the_charts_secret_and_from_there_into_every_silo()
    {
        var chart = HelmRenderer.Render("--notes", "--release", "evo", "--namespace", "research", "--set", $"web.accessToken.value={Token}");

        var secret = chart.Single<V1Secret>("-web-token");
        Assert.Equal(Token, chart.SecretValue(secret.Metadata.Name, "token"));
        foreach (var deployment in new[] { "-silo-cpu", "-silo-gpu" })
        {
            var container = Assert.Single(chart.Single<V1Deployment>(deployment).Spec.Template.Spec.Containers);
            var variable = Assert.Single(container.Env, e => e.Name == "EvoGrains__Web__AccessToken");
            Assert.Null(variable.Value);
            Assert.Equal(secret.Metadata.Name, variable.ValueFrom.SecretKeyRef.Name);
            var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, deployment));
            Assert.Equal(Token, options.Web.AccessToken);
        }

        Assert.Contains("get secret evo-evograins-web-token -o jsonpath='{.data.token}' | base64 -d", chart.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_secret_is_read_and_the_chart_makes_none()
    {
        var chart = HelmRenderer.Render("--set", "web.accessToken.existingSecret=ops-web", "--set", "web.accessToken.existingSecretKey=bearer");

        var container = Assert.Single(chart.CpuSilos.Spec.Template.Spec.Containers);
        var reference = Assert.Single(container.Env, e => e.Name == "EvoGrains__Web__AccessToken").ValueFrom.SecretKeyRef;
        Assert.Equal(("ops-web", "bearer"), (reference.Name, reference.Key));
        Assert.DoesNotContain(chart.All<V1Secret>(), s => s.Metadata.Name.EndsWith("-web-token", StringComparison.Ordinal));
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, "-silo-cpu", (name, key) => name == "ops-web" && key == "bearer" ? Token : throw new InvalidOperationException($"{name}/{key}")));
        Assert.True(options.Web.ControlEnabled);
    }

    [Fact]
    public void The_service_stays_for_the_page_without_the_dashboard_and_goes_without_both()
    {
        var pageOnly = HelmRenderer.Render("--notes", "--set", "dashboard.enabled=false");
        Assert.Equal("ClusterIP", pageOnly.Single<V1Service>("-dashboard").Spec.Type);
        Assert.Contains("3. Web page (ClusterIP only; no Ingress):", pageOnly.Notes, StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboard", pageOnly.Notes, StringComparison.Ordinal);

        var neither = HelmRenderer.Render("--notes", "--set", "dashboard.enabled=false", "--set", "web.enabled=false");
        Assert.DoesNotContain(neither.All<V1Service>(), s => s.Metadata.Name.EndsWith("-dashboard", StringComparison.Ordinal));
        Assert.DoesNotContain("port-forward svc/release-name-evograins-dashboard", neither.Notes, StringComparison.Ordinal);
        Assert.False(EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(neither, "-silo-cpu")).Web.Enabled);
    }

    [Theory]
    [InlineData("web.accessToken.value=short", "web.accessToken.value must have at least 16 characters")]
    [InlineData("dashboard.path=/", "dashboard.path / is taken by the web page")]
    [InlineData("dashboard.path=/api", "dashboard.path /api is taken by the web page")]
    public void Values_the_page_cannot_work_with_fail_the_render(string set, string message)
    {
        var result = HelmRenderer.Run("--set", set);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }
}
