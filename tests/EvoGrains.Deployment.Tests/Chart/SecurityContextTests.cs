using EvoGrains.Deployment.Tests.Rendering;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>Every rendered container runs as non-root on a read-only root with no capabilities and a size-limited /tmp.</summary>
public sealed class SecurityContextTests
{
    private static readonly Lazy<RenderedChart> Chart = new(() => HelmRenderer.Render());

    public static TheoryData<string> Workloads => new() { "-silo-cpu", "-silo-gpu", "-redis" };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Containers_run_non_root_on_a_read_only_root_without_capabilities(string workload)
    {
        var pod = PodSpec(workload);

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.False(pod.AutomountServiceAccountToken);
        foreach (var container in pod.Containers)
        {
            var security = container.SecurityContext;
            Assert.True(security.RunAsNonRoot);
            Assert.False(security.AllowPrivilegeEscalation);
            Assert.True(security.ReadOnlyRootFilesystem);
            Assert.Equal(["ALL"], security.Capabilities.Drop);
            Assert.Null(security.Capabilities.Add);
            Assert.Null(security.Privileged);
        }
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Tmp_is_a_size_limited_empty_dir(string workload)
    {
        var pod = PodSpec(workload);
        var tmp = Assert.Single(pod.Volumes, v => v.Name == "tmp");

        Assert.Equal(new ResourceQuantity(ChartValues.Defaults.Scalar("tmpSizeLimit")), tmp.EmptyDir.SizeLimit);
        foreach (var container in pod.Containers)
        {
            Assert.Contains(container.VolumeMounts, m => m is { Name: "tmp", MountPath: "/tmp" });
        }
    }

    [Fact]
    public void Silo_security_follows_the_values_and_the_service_account_token_stays_unmounted()
    {
        var pod = PodSpec("-silo-cpu");
        var values = ChartValues.Defaults;

        Assert.Equal(values.Int("podSecurityContext", "runAsUser"), pod.SecurityContext.RunAsUser);
        Assert.Equal(values.Int("podSecurityContext", "fsGroup"), pod.SecurityContext.FsGroup);
        Assert.False(Chart.Value.Single<V1ServiceAccount>("evograins").AutomountServiceAccountToken);
        Assert.Equal(Chart.Value.Single<V1ServiceAccount>("evograins").Metadata.Name, pod.ServiceAccountName);
    }

    private static V1PodSpec PodSpec(string workload) =>
        workload == "-redis"
            ? Chart.Value.Single<V1StatefulSet>(workload).Spec.Template.Spec
            : Chart.Value.Single<V1Deployment>(workload).Spec.Template.Spec;
}
