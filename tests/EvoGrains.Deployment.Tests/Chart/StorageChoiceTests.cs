using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.Hosting.Configuration;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>The storage and Redis choices of values.yaml render environments the silo accepts, with secrets kept out of the pod spec.</summary>
public sealed class StorageChoiceTests
{
    [Fact]
    public void Azure_blob_storage_reads_the_connection_string_from_the_named_secret()
    {
        var chart = HelmRenderer.Render("--set", "storage.provider=azureblob", "--set", "storage.azureBlob.existingSecret=evograins-azure");
        var env = Assert.Single(chart.CpuSilos.Spec.Template.Spec.Containers).Env;
        var connection = Assert.Single(env, e => e.Name == "EvoGrains__Storage__ConnectionString");

        Assert.Null(connection.Value);
        Assert.Equal(("evograins-azure", "connectionString"), (connection.ValueFrom.SecretKeyRef.Name, connection.ValueFrom.SecretKeyRef.Key));
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, "-silo-cpu", SampleSecrets.Azure));
        Assert.Equal(StorageProvider.AzureBlob, options.Storage.Provider);
        Assert.Equal(SampleSecrets.AzureConnection, options.Storage.ConnectionString);
        Assert.Equal(ChartValues.Defaults.Scalar("storage", "azureBlob", "containerName"), options.Storage.ContainerName);
    }

    [Fact]
    public void An_external_redis_connection_string_goes_into_a_chart_secret_not_the_pod_spec()
    {
        const string connection = "redis.example.internal:6380,password=hunter2,ssl=true";
        var chart = HelmRenderer.Render("--set", "redis.enabled=false", "--set", "redis.external.connectionString=" + connection);

        Assert.Empty(chart.All<V1StatefulSet>());
        Assert.DoesNotContain(chart.Manifests, m => m.Kind != "Secret" && m.Yaml.Contains("hunter2", StringComparison.Ordinal));
        var secret = chart.Single<V1Secret>("-redis-connection");
        Assert.Equal(connection, chart.SecretValue(secret.Metadata.Name, "connectionString"));
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, "-silo-gpu"));
        Assert.Equal(connection, options.Clustering.ConnectionString);
    }

    [Fact]
    public void Memory_storage_sets_no_storage_connection_string()
    {
        var chart = HelmRenderer.Render("--set", "storage.provider=memory");
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, "-silo-cpu"));

        Assert.Equal(StorageProvider.Memory, options.Storage.Provider);
        Assert.Null(options.Storage.ConnectionString);
    }
}
