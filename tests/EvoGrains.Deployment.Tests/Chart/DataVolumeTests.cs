using System.Text.Json;
using EvoGrains.Deployment.Tests.Rendering;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// Training data on the cluster: one volume (a claim, a host directory, an NFS export or any volume source) mounted
/// read-only at data.mountPath on every silo, a writable cache for decoded datasets, and each silo kind's own extra
/// volumes, mounts and environment. Every example values file is rendered and its mounts checked.
/// </summary>
public sealed class DataVolumeTests
{
    private static readonly Lazy<RenderedChart> Cifar10 = new(() => RenderFile("values-gpu-cifar10.example.yaml", "--notes", "--release", "evo"));

    public static TheoryData<string> ExampleValuesFiles() => new(RepoPaths.ExampleValuesFiles());

    [Theory]
    [MemberData(nameof(ExampleValuesFiles))]
    public void Every_example_values_file_mounts_its_data_read_only_on_every_silo_and_a_writable_cache(string file)
    {
        var values = ChartValues.Load(Path.Combine(RepoPaths.Chart, file));
        var chart = RenderFile(file);
        var mountPath = Setting(values, "data", "mountPath") ?? ChartValues.Defaults.Scalar("data", "mountPath");
        var hasSource = new[] { "existingClaim", "hostPath", "volume" }.Any(key => Setting(values, "data", key) is { Length: > 0 } and not "{}")
            || Setting(values, "data", "nfs", "server") is { Length: > 0 };

        foreach (var silos in chart.All<V1Deployment>())
        {
            var pod = silos.Spec.Template.Spec;
            var container = Assert.Single(pod.Containers);
            Assert.All(container.VolumeMounts, m => Assert.Contains(pod.Volumes, v => v.Name == m.Name));
            var cache = Assert.Single(container.VolumeMounts, m => m.Name == "data-cache");
            Assert.Equal(cache.MountPath, Env(silos, "EVOGRAINS_DATA_CACHE"));
            Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == "data-cache").EmptyDir);
            Assert.NotEqual(true, cache.ReadOnlyProperty);
            var data = container.VolumeMounts.SingleOrDefault(m => m.Name == "data");
            Assert.Equal(hasSource, data is not null);
            if (data is not null)
            {
                Assert.Equal((mountPath, true), (data.MountPath, data.ReadOnlyProperty));
            }
        }
    }

    [Fact]
    public void The_gpu_cifar10_example_mounts_its_claim_where_the_gpu_spec_reads_cifar10()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "specs", "cifar10-gpu.json")));
        var dataPath = spec.RootElement.GetProperty("evaluation").GetProperty("dataPath").GetString()!;
        var chart = Cifar10.Value;

        foreach (var silos in new[] { chart.CpuSilos, chart.GpuSilos })
        {
            var pod = silos.Spec.Template.Spec;
            var claim = Assert.Single(pod.Volumes, v => v.Name == "data").PersistentVolumeClaim;
            Assert.Equal(("evograins-datasets", true), (claim.ClaimName, claim.ReadOnlyProperty));
            var mount = Assert.Single(Assert.Single(pod.Containers).VolumeMounts, m => m.Name == "data");
            Assert.StartsWith(mount.MountPath + "/", dataPath, StringComparison.Ordinal);
        }

        Assert.Equal("4", Env(chart.GpuSilos, "EvoGrains__Training__Threads"));
        Assert.Contains("evograins submit --spec specs/cifar10-gpu.json --gateway 127.0.0.1:30000 --cluster-id evograins", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("PersistentVolumeClaim \"evograins-datasets\" is mounted read-only at /data on every silo", chart.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_directory_is_mounted_read_only_at_the_chosen_path_and_sub_path()
    {
        var chart = RenderYaml("data:\n  mountPath: /datasets\n  hostPath: /srv/datasets\n  subPath: images\n");

        foreach (var silos in new[] { chart.CpuSilos, chart.GpuSilos })
        {
            var volume = DataVolume(silos);
            Assert.Equal(("/srv/datasets", "Directory"), (volume.HostPath.Path, volume.HostPath.Type));
            var mount = DataMount(silos);
            Assert.Equal(("/datasets", true, "images"), (mount.MountPath, mount.ReadOnlyProperty, mount.SubPath));
        }
    }

    [Fact]
    public void An_nfs_export_is_mounted_read_only()
    {
        var chart = RenderYaml("data:\n  nfs:\n    server: nfs.lab\n    path: /exports/datasets\n");

        var nfs = DataVolume(chart.GpuSilos).Nfs;
        Assert.Equal(("nfs.lab", "/exports/datasets", true), (nfs.Server, nfs.Path, nfs.ReadOnlyProperty));
        Assert.Equal(("/data", true), (DataMount(chart.CpuSilos).MountPath, DataMount(chart.CpuSilos).ReadOnlyProperty));
    }

    [Fact]
    public void Any_volume_source_given_as_yaml_is_used_as_it_is()
    {
        var chart = RenderYaml("data:\n  volume:\n    csi:\n      driver: blob.csi.azure.com\n      readOnly: true\n      volumeAttributes:\n        containerName: datasets\n");

        var csi = DataVolume(chart.GpuSilos).Csi;
        Assert.Equal(("blob.csi.azure.com", true), (csi.Driver, csi.ReadOnlyProperty));
        Assert.Equal("datasets", csi.VolumeAttributes["containerName"]);
        Assert.True(DataMount(chart.GpuSilos).ReadOnlyProperty);
    }

    [Fact]
    public void Without_a_data_source_no_data_volume_is_mounted_and_the_notes_say_so()
    {
        var chart = HelmRenderer.Render("--notes");

        Assert.All(chart.All<V1Deployment>(), d => Assert.DoesNotContain(d.Spec.Template.Spec.Volumes, v => v.Name == "data"));
        Assert.Contains("No data volume (set data.existingClaim, data.hostPath, data.nfs or data.volume)", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("evograins submit --spec specs/fashion-mnist.json", chart.Notes, StringComparison.Ordinal);
        Assert.Contains("see values-gpu-cifar10.example.yaml", chart.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpuSilo", "-silo-cpu")]
    [InlineData("gpuSilo", "-silo-gpu")]
    public void Each_silo_kind_takes_extra_volumes_mounts_and_environment(string kind, string deployment)
    {
        var chart = RenderYaml($"""
            {kind}:
              extraVolumes:
                - name: models
                  configMap:
                    name: my-models
              extraVolumeMounts:
                - name: models
                  mountPath: /models
                  readOnly: true
              extraEnv:
                - name: MY_SETTING
                  value: "on"
            """);

        var silos = chart.Single<V1Deployment>(deployment);
        var pod = silos.Spec.Template.Spec;
        Assert.Equal("my-models", Assert.Single(pod.Volumes, v => v.Name == "models").ConfigMap.Name);
        Assert.Equal("/models", Assert.Single(Assert.Single(pod.Containers).VolumeMounts, m => m.Name == "models").MountPath);
        Assert.Equal("on", Env(silos, "MY_SETTING"));
        var other = chart.All<V1Deployment>().Single(d => d != silos).Spec.Template.Spec;
        Assert.DoesNotContain(other.Volumes, v => v.Name == "models");
    }

    [Theory]
    [InlineData("data:\n  hostPath: /srv/a\n  existingClaim: datasets\n", "set at most one of data.existingClaim, data.hostPath, data.nfs.server and data.volume")]
    [InlineData("data:\n  nfs:\n    server: nfs.lab\n", "data.nfs.server needs data.nfs.path")]
    [InlineData("data:\n  mountPath: data\n", "data.mountPath must be an absolute path")]
    [InlineData("data:\n  mountPath: /tmp/\n", "data.mountPath must not be /tmp")]
    [InlineData("data:\n  mountPath: /var/cache/evograins\n", "data.mountPath must not be /var/cache/evograins")]
    public void Impossible_data_settings_fail_the_render_naming_the_values(string yaml, string message)
    {
        var result = WithValuesFile(yaml, path => HelmRenderer.Run("-f", path));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notes_tell_how_to_watch_and_export_results()
    {
        var notes = Cifar10.Value.Notes;

        Assert.Contains("evograins watch <search-id> --gateway 127.0.0.1:30000 --cluster-id evograins", notes, StringComparison.Ordinal);
        Assert.Contains("evograins export <search-id> --out runs/<search-id> --gateway 127.0.0.1:30000 --cluster-id evograins", notes, StringComparison.Ordinal);
        Assert.Contains("tensorboard --logdir runs/<search-id>", notes, StringComparison.Ordinal);
        Assert.Contains("evograins data check <spec>", notes, StringComparison.Ordinal);
    }

    private static RenderedChart RenderFile(string file, params string[] arguments) =>
        HelmRenderer.Render(["-f", Path.Combine(RepoPaths.Chart, file), .. arguments]);

    private static RenderedChart RenderYaml(string yaml) => WithValuesFile(yaml, path => HelmRenderer.Render("-f", path));

    private static T WithValuesFile<T>(string yaml, Func<string, T> render)
    {
        var path = Path.Combine(Path.GetTempPath(), $"evograins-data-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return render(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? Setting(ChartValues values, params string[] path)
    {
        YamlNode node = values.Root;
        foreach (var segment in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(segment, out var child))
            {
                return null;
            }

            node = child;
        }

        return node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlMappingNode { Children.Count: 0 } => "{}",
            _ => "set",
        };
    }

    private static V1Volume DataVolume(V1Deployment silos) => Assert.Single(silos.Spec.Template.Spec.Volumes, v => v.Name == "data");

    private static V1VolumeMount DataMount(V1Deployment silos) =>
        Assert.Single(Assert.Single(silos.Spec.Template.Spec.Containers).VolumeMounts, m => m.Name == "data");

    private static string? Env(V1Deployment deployment, string name) =>
        Assert.Single(deployment.Spec.Template.Spec.Containers).Env.Single(e => e.Name == name).Value;
}
