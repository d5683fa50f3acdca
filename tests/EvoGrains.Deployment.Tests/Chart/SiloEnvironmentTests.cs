using System.Reflection;
using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.Grains.Placement;
using EvoGrains.Hosting.Configuration;
using EvoGrains.Hosting.Evaluation;
using k8s.Models;
using Microsoft.Extensions.Configuration;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// The rendered silo environment is configuration the silo reads: every <c>EvoGrains__*</c> variable
/// names a key of the silo's options, and the whole environment, resolved as the kubelet would,
/// binds and validates through the silo's own options reader — so the chart cannot drift from the silo.
/// </summary>
public sealed class SiloEnvironmentTests
{
    private static readonly Lazy<RenderedChart> Chart = new(() => HelmRenderer.Render());

    [Fact]
    public void Every_EvoGrains_variable_is_a_silo_configuration_key()
    {
        var known = SiloConfigurationKeys();
        var used = Chart.Value.All<V1Deployment>()
            .SelectMany(d => Assert.Single(d.Spec.Template.Spec.Containers).Env)
            .Select(e => e.Name)
            .Where(n => n.StartsWith("EvoGrains__", StringComparison.Ordinal))
            .Select(n => n["EvoGrains__".Length..].Replace("__", ":", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var unknown = used.Where(key => !known.Contains(key)).ToList();
        Assert.True(unknown.Count == 0, $"not silo configuration keys: {string.Join(", ", unknown)}; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        string[] essential =
        [
            "ServiceId", "ClusterId", "Clustering:Provider", "Clustering:ConnectionString", "Storage:Provider",
            "Storage:ConnectionString", "Silo:SiloPort", "Silo:GatewayPort", "Silo:AdvertisedIPAddress",
            "Silo:Accelerator", "Silo:ShutdownTimeout", "Placement:AllowCpuTrainers", "Training:Threads",
        ];
        Assert.All(essential, key => Assert.Contains(key, used));
    }

    [Theory]
    [InlineData("-silo-cpu", AcceleratorMode.Cpu)]
    [InlineData("-silo-gpu", AcceleratorMode.Gpu)]
    public void Silo_environment_binds_and_validates_through_the_silo_options_reader(string deployment, AcceleratorMode accelerator)
    {
        var values = ChartValues.Defaults;
        var configuration = SiloConfiguration(Chart.Value, deployment);

        var options = EvoGrainsSiloOptionsReader.Read(configuration);

        Assert.Equal(accelerator, options.Silo.Accelerator);
        Assert.Equal(ClusteringProvider.Redis, options.Clustering.Provider);
        Assert.Equal(Enum.Parse<StorageProvider>(values.Scalar("storage", "provider"), ignoreCase: true), options.Storage.Provider);
        Assert.Equal(values.Scalar("orleans", "serviceId"), options.ServiceId);
        Assert.Equal(values.Scalar("orleans", "clusterId"), options.ClusterId);
        Assert.Equal(TimeSpan.FromSeconds(values.Int("orleans", "shutdownTimeoutSeconds")), options.Silo.ShutdownTimeout);
        Assert.Equal(values.Int("orleans", "siloPort"), options.Silo.SiloPort);
        Assert.Equal(values.Int("orleans", "gatewayPort"), options.Silo.GatewayPort);
        Assert.Equal(ContainerEnvironment.PodIp, options.Silo.AdvertisedIPAddress);
        Assert.Equal(values.Scalar("dashboard", "path"), options.Dashboard.Path);
        Assert.True(configuration.GetValue<int?>(TrainingHostOptions.ThreadsKey) is >= 0);
    }

    [Fact]
    public void Silos_reach_the_bundled_redis_with_the_password_of_the_charts_secret()
    {
        var chart = Chart.Value;
        var env = ContainerEnvironment.Resolve(Assert.Single(chart.CpuSilos.Spec.Template.Spec.Containers), chart, NoExternalSecret);
        var password = chart.SecretValue(chart.Single<V1Secret>("-redis-auth").Metadata.Name, "redis-password");
        var redis = chart.Single<V1Service>("-redis");

        Assert.Equal(32, password?.Length);
        Assert.Equal($"{redis.Metadata.Name}:{Assert.Single(redis.Spec.Ports).Port},password={password},abortConnect=false", env["EvoGrains__Clustering__ConnectionString"]);
        Assert.Equal(env["EvoGrains__Clustering__ConnectionString"], env["EvoGrains__Storage__ConnectionString"]);
        Assert.DoesNotContain(password!, chart.CpuSilos.Spec.Template.Spec.Containers[0].Env.Select(e => e.Value ?? ""));
    }

    [Fact]
    public void Termination_grace_outlasts_the_silo_shutdown_timeout()
    {
        foreach (var deployment in Chart.Value.All<V1Deployment>())
        {
            var configuration = SiloConfiguration(Chart.Value, deployment.Metadata.Name);
            var shutdown = EvoGrainsSiloOptionsReader.Read(configuration).Silo.ShutdownTimeout;

            Assert.Equal(ChartValues.Defaults.Int("orleans", "terminationGracePeriodSeconds"), deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
            Assert.True(TimeSpan.FromSeconds(deployment.Spec.Template.Spec.TerminationGracePeriodSeconds!.Value) > shutdown);
        }
    }

    internal static IConfiguration SiloConfiguration(RenderedChart chart, string deployment, Func<string, string, string>? externalSecret = null)
    {
        var container = Assert.Single(chart.Single<V1Deployment>(deployment).Spec.Template.Spec.Containers);
        var env = ContainerEnvironment.Resolve(container, chart, externalSecret ?? NoExternalSecret);
        return new ConfigurationBuilder().AddInMemoryCollection(ContainerEnvironment.AsConfiguration(env)).Build();
    }

    private static string NoExternalSecret(string name, string key) => throw new InvalidOperationException($"the default values use no Secret outside the chart, got {name}/{key}");

    /// <summary>
    /// The configuration keys (without the <c>EvoGrains:</c> prefix) the silo reads: the properties of
    /// <see cref="EvoGrainsSiloOptions"/>, <see cref="GpuPlacementOptions"/> and the training thread key.
    /// </summary>
    private static HashSet<string> SiloConfigurationKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddKeys(typeof(EvoGrainsSiloOptions), "", keys);
        AddKeys(typeof(GpuPlacementOptions), WithoutSection(GpuPlacementOptions.SectionName) + ":", keys);
        keys.Add(WithoutSection(TrainingHostOptions.ThreadsKey));
        return keys;

        static string WithoutSection(string key) => key[(EvoGrainsSiloOptions.SectionName.Length + 1)..];
    }

    private static void AddKeys(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var t = property.PropertyType;
            if (t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("EvoGrains", StringComparison.Ordinal) == true)
            {
                AddKeys(t, prefix + property.Name + ":", keys);
            }
            else
            {
                keys.Add(prefix + property.Name);
            }
        }
    }
}
