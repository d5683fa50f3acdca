using System.Text.RegularExpressions;
using EvoGrains.Deployment.Tests.Rendering;
using YamlDotNet.RepresentationModel;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>Chart.yaml describes a Helm 3 application chart, and the rendered labels carry its name and versions.</summary>
public sealed partial class ChartMetadataTests
{
    private static readonly ChartValues ChartYaml = ChartValues.Load(Path.Combine(RepoPaths.Chart, "Chart.yaml"));

    [Fact]
    public void Chart_yaml_is_a_helm3_application_chart()
    {
        Assert.Equal("v2", ChartYaml.Scalar("apiVersion"));
        Assert.Equal("evograins", ChartYaml.Scalar("name"));
        Assert.Equal("application", ChartYaml.Scalar("type"));
        Assert.Matches(SemVer(), ChartYaml.Scalar("version"));
        Assert.False(string.IsNullOrWhiteSpace(ChartYaml.Scalar("appVersion")));
        Assert.NotEmpty(Assert.IsType<YamlSequenceNode>(ChartYaml.Node("keywords")).Children);
    }

    [Fact]
    public void Every_resource_is_labelled_with_the_chart_and_the_release()
    {
        var chart = HelmRenderer.Render("--release", "trial");
        var expectedChart = $"{ChartYaml.Scalar("name")}-{ChartYaml.Scalar("version")}";

        foreach (var manifest in chart.Manifests)
        {
            var labels = manifest.Resource.Metadata.Labels;
            Assert.True(labels is not null, $"{manifest.Source} {manifest.Name}: no labels");
            Assert.Equal(expectedChart, labels["helm.sh/chart"]);
            Assert.Equal(ChartYaml.Scalar("appVersion"), labels["app.kubernetes.io/version"]);
            Assert.Equal("trial", labels["app.kubernetes.io/instance"]);
            Assert.Equal("Helm", labels["app.kubernetes.io/managed-by"]);
            Assert.StartsWith("trial-evograins", manifest.Name, StringComparison.Ordinal);
            Assert.True(manifest.Name.Length <= 63, $"{manifest.Name} is longer than a DNS label");
        }
    }

    [Fact]
    public void A_cluster_older_than_the_charts_kubeVersion_is_refused()
    {
        var result = HelmRenderer.Run("--kube-version", "v1.24.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"chart requires kubeVersion: {ChartYaml.Scalar("kubeVersion")}", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, HelmRenderer.Run("--kube-version", "v1.25.3").ExitCode);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
