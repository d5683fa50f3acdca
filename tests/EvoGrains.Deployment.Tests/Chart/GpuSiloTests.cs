using EvoGrains.Deployment.Tests.Rendering;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// GPU silos, rendered with the default values and with ci/gpu-values.yaml: they request their GPUs,
/// land only on GPU nodes, tolerate the GPU taint and publish the gpu accelerator that trainer
/// placement looks for; CPU silos never ask for a GPU.
/// </summary>
public sealed class GpuSiloTests
{
    private static readonly Lazy<RenderedChart> Default = new(() => HelmRenderer.Render());
    private static readonly Lazy<RenderedChart> Gpu = new(() => HelmRenderer.RenderWithCiValues("gpu-values.yaml"));

    [Fact]
    public void Default_gpu_silos_request_the_configured_gpus_on_gpu_nodes()
    {
        var values = ChartValues.Defaults;
        var deployment = Default.Value.GpuSilos;
        var pod = deployment.Spec.Template.Spec;

        AssertGpus(deployment, values.Int("gpuSilo", "gpusPerPod"));
        Assert.Equal(values.Int("gpuSilo", "replicaCount"), deployment.Spec.Replicas);
        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu.present"] = "true" }, pod.NodeSelector);
        var toleration = Assert.Single(pod.Tolerations);
        Assert.Equal(("nvidia.com/gpu", "Exists", "NoSchedule"), (toleration.Key, toleration.OperatorProperty, toleration.Effect));
        Assert.Equal("gpu", Env(deployment, "EvoGrains__Silo__Accelerator"));
        Assert.Equal("compute,utility", Env(deployment, "NVIDIA_DRIVER_CAPABILITIES"));
    }

    [Fact]
    public void Gpu_values_file_sets_gpus_node_pool_tolerations_and_resources()
    {
        var deployment = Gpu.Value.GpuSilos;
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        AssertGpus(deployment, 2);
        Assert.Equal(3, deployment.Spec.Replicas);
        // Maps merge over values.yaml (the default GPU label stays); lists replace.
        Assert.Equal(
            new Dictionary<string, string> { ["nvidia.com/gpu.present"] = "true", ["cloud.google.com/gke-accelerator"] = "nvidia-l4" },
            pod.NodeSelector);
        Assert.Equal(
            [("nvidia.com/gpu", "Equal", "present", "NoSchedule"), ("dedicated", "Equal", "evograins-training", "NoSchedule")],
            pod.Tolerations.Select(t => (t.Key, t.OperatorProperty, t.Value, t.Effect)));
        Assert.Equal(new ResourceQuantity("4"), container.Resources.Requests["cpu"]);
        Assert.Equal(new ResourceQuantity("48Gi"), container.Resources.Limits["memory"]);
        Assert.Equal("4", Env(deployment, "EvoGrains__Training__Threads"));
        Assert.Equal("false", Env(deployment, "EvoGrains__Placement__AllowCpuTrainers"));
    }

    [Fact]
    public void Gpu_silos_are_replaced_without_a_surge_pod()
    {
        var strategy = Gpu.Value.GpuSilos.Spec.Strategy;

        Assert.Equal("RollingUpdate", strategy.Type);
        Assert.Equal("0", strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("1", strategy.RollingUpdate.MaxUnavailable.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gpu-values.yaml")]
    [InlineData("cpu-only-values.yaml")]
    public void Cpu_silos_never_request_a_gpu_and_publish_the_cpu_accelerator(string? valuesFile)
    {
        var chart = valuesFile is null ? HelmRenderer.Render() : HelmRenderer.RenderWithCiValues(valuesFile);
        var deployment = chart.CpuSilos;
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);

        Assert.DoesNotContain("nvidia.com/gpu", container.Resources.Limits.Keys);
        Assert.DoesNotContain("nvidia.com/gpu", container.Resources.Requests.Keys);
        Assert.Null(deployment.Spec.Template.Spec.Tolerations);
        Assert.Equal("cpu", Env(deployment, "EvoGrains__Silo__Accelerator"));
    }

    [Fact]
    public void Cpu_only_values_render_no_gpu_silo_and_let_trainers_run_on_cpu_silos()
    {
        var chart = HelmRenderer.RenderWithCiValues("cpu-only-values.yaml");

        Assert.Null(chart.FindDeployment("-silo-gpu"));
        Assert.DoesNotContain(chart.All<V1PodDisruptionBudget>(), p => p.Metadata.Name.EndsWith("-silo-gpu", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.Manifests, m => m.Yaml.Contains("nvidia.com/gpu", StringComparison.Ordinal));
        Assert.Equal(3, chart.CpuSilos.Spec.Replicas);
        Assert.Equal("true", Env(chart.CpuSilos, "EvoGrains__Placement__AllowCpuTrainers"));
    }

    private static void AssertGpus(V1Deployment deployment, int gpus)
    {
        var resources = Assert.Single(deployment.Spec.Template.Spec.Containers).Resources;
        Assert.Equal(new ResourceQuantity(gpus.ToString(System.Globalization.CultureInfo.InvariantCulture)), resources.Limits["nvidia.com/gpu"]);
        Assert.Equal(resources.Limits["nvidia.com/gpu"], resources.Requests["nvidia.com/gpu"]);
        Assert.True(gpus >= 1);
    }

    private static string? Env(V1Deployment deployment, string name) =>
        Assert.Single(deployment.Spec.Template.Spec.Containers).Env.Single(e => e.Name == name).Value;
}
