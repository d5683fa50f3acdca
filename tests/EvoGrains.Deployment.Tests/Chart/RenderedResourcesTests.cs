using EvoGrains.Deployment.Tests.Rendering;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// The default render: the resources an EvoGrains cluster needs, each a valid Kubernetes object
/// (strict parse), wired together — Services and PodDisruptionBudgets select the pods they mean,
/// and Services target ports the containers expose.
/// </summary>
public sealed class RenderedResourcesTests
{
    private static readonly Lazy<RenderedChart> Chart = new(() => HelmRenderer.Render());

    [Fact]
    public void Default_render_has_the_required_resources()
    {
        var kinds = Chart.Value.Manifests.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Deployment"] = 2, ["StatefulSet"] = 1, ["PodDisruptionBudget"] = 2, ["NetworkPolicy"] = 2,
                ["ServiceAccount"] = 1, ["Service"] = 4, ["Secret"] = 1,
            },
            kinds);
        Assert.NotEmpty(Chart.Value.Single<V1StatefulSet>("-redis").Spec.VolumeClaimTemplates);
        Assert.Equal("ClusterIP", Chart.Value.Single<V1Service>("-gateway").Spec.Type);
        Assert.Equal("ClusterIP", Chart.Value.Single<V1Service>("-dashboard").Spec.Type);
        Assert.Equal("None", Chart.Value.Single<V1Service>("-redis-headless").Spec.ClusterIP);
    }

    public static TheoryData<string> ExampleValuesFiles() => new(RepoPaths.ExampleValuesFiles());

    [Theory]
    [MemberData(nameof(ExampleValuesFiles))]
    public void Every_example_values_file_renders_valid_manifests_with_at_least_one_silo_deployment(string file)
    {
        var chart = HelmRenderer.Render("-f", Path.Combine(RepoPaths.Chart, file));

        Assert.NotEmpty(chart.All<V1Deployment>());
        Assert.All(chart.All<V1Deployment>(), d => Assert.Matches("-silo-(cpu|gpu)$", d.Metadata.Name));
    }

    [Fact]
    public void Services_select_pods_and_target_ports_those_pods_expose()
    {
        var pods = Pods().ToList();
        foreach (var service in Chart.Value.All<V1Service>())
        {
            var selected = pods.Where(p => Selects(service.Spec.Selector, p.Labels)).ToList();
            Assert.True(selected.Count > 0, $"Service {service.Metadata.Name} selects no pod");
            foreach (var port in service.Spec.Ports)
            {
                Assert.All(selected, p => Assert.Contains(p.Spec.Containers.SelectMany(c => c.Ports), cp => cp.Name == port.TargetPort.Value));
            }
        }

        var gateway = Chart.Value.Single<V1Service>("-gateway");
        Assert.Equal(2, pods.Count(p => Selects(gateway.Spec.Selector, p.Labels)));
        Assert.Equal(ChartValues.Defaults.Int("orleans", "gatewayPort"), Assert.Single(gateway.Spec.Ports).Port);
    }

    [Theory]
    [InlineData("-silo-cpu")]
    [InlineData("-silo-gpu")]
    public void Disruption_budgets_select_exactly_their_silo_deployment(string suffix)
    {
        var budget = Chart.Value.Single<V1PodDisruptionBudget>(suffix);
        var selected = Pods().Where(p => Selects(budget.Spec.Selector.MatchLabels, p.Labels)).Select(p => p.Owner).ToList();

        Assert.Equal([Chart.Value.Single<V1Deployment>(suffix).Metadata.Name], selected);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
    }

    [Fact]
    public void Deployment_selectors_match_their_pod_templates()
    {
        foreach (var deployment in Chart.Value.All<V1Deployment>())
        {
            Assert.True(Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels), deployment.Metadata.Name);
        }
    }

    [Fact]
    public void A_field_the_Kubernetes_API_does_not_know_fails_the_parse()
    {
        var values = Path.Combine(Path.GetTempPath(), $"evograins-typo-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(values, "cpuSilo:\n  extraEnv:\n    - name: Orleans__Metadata__zone\n      valu: eu-west\n");
        try
        {
            var ex = Assert.Throws<InvalidOperationException>(() => HelmRenderer.Render("-f", values));

            Assert.Contains("silo-cpu-deployment.yaml: not a valid Kubernetes manifest", ex.Message, StringComparison.Ordinal);
            Assert.Contains("valu", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(values);
        }
    }

    private static IEnumerable<(string Owner, IDictionary<string, string> Labels, V1PodSpec Spec)> Pods() =>
        Chart.Value.All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Metadata.Labels, d.Spec.Template.Spec))
            .Concat(Chart.Value.All<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Metadata.Labels, s.Spec.Template.Spec)));

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
}
