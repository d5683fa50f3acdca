using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.Hosting.Configuration;
using k8s.Models;

namespace EvoGrains.Deployment.Tests.Chart;

/// <summary>
/// clustering.provider selects the silos' membership: Redis (the default) or Azure Table Storage with
/// the connection string from a Secret; Redis is deployed only when clustering or storage uses it.
/// </summary>
public sealed class ClusteringChoiceTests
{
    [Theory]
    [InlineData("-silo-cpu")]
    [InlineData("-silo-gpu")]
    public void Azure_values_cluster_through_azure_tables_and_bind_through_the_silo_options(string deployment)
    {
        var chart = HelmRenderer.RenderWithCiValues("azure-values.yaml");
        var env = Assert.Single(chart.Single<V1Deployment>(deployment).Spec.Template.Spec.Containers).Env;
        var connection = Assert.Single(env, e => e.Name == "EvoGrains__Clustering__ConnectionString");

        Assert.Equal("azuretable", Assert.Single(env, e => e.Name == "EvoGrains__Clustering__Provider").Value);
        Assert.Null(connection.Value);
        Assert.Equal(("evograins-azure", "connectionString"), (connection.ValueFrom.SecretKeyRef.Name, connection.ValueFrom.SecretKeyRef.Key));
        var options = EvoGrainsSiloOptionsReader.Read(SiloEnvironmentTests.SiloConfiguration(chart, deployment, SampleSecrets.Azure));
        Assert.Equal(ClusteringProvider.AzureTable, options.Clustering.Provider);
        Assert.Equal(SampleSecrets.AzureConnection, options.Clustering.ConnectionString);
        Assert.Equal(ChartValues.Defaults.Scalar("clustering", "azureTable", "tableName"), options.Clustering.TableName);
        Assert.Equal(StorageProvider.AzureBlob, options.Storage.Provider);
    }

    [Fact]
    public void Without_a_redis_user_no_redis_is_deployed()
    {
        var chart = HelmRenderer.RenderWithCiValues("azure-values.yaml", "--notes");

        Assert.Empty(chart.All<V1StatefulSet>());
        Assert.DoesNotContain(chart.Manifests, m => m.Name.Contains("redis", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.CpuSilos.Spec.Template.Spec.Containers[0].Env, e => e.Name == "REDIS_PASSWORD");
        Assert.Single(chart.All<V1NetworkPolicy>());
        Assert.Contains("Clustering: Azure Table Storage (connection string from Secret \"evograins-azure\").", chart.Notes, StringComparison.Ordinal);
        Assert.DoesNotContain("EVOGRAINS_REDIS", chart.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_table_clustering_with_redis_storage_still_deploys_redis_for_the_state()
    {
        var chart = HelmRenderer.Render("--set", "clustering.provider=azuretable", "--set", "clustering.azureTable.existingSecret=evograins-azure");
        var env = ContainerEnvironment.Resolve(Assert.Single(chart.CpuSilos.Spec.Template.Spec.Containers), chart, SampleSecrets.Azure);

        Assert.Single(chart.All<V1StatefulSet>());
        Assert.Equal(SampleSecrets.AzureConnection, env["EvoGrains__Clustering__ConnectionString"]);
        Assert.StartsWith(chart.Single<V1Service>("-redis").Metadata.Name + ":6379,password=", env["EvoGrains__Storage__ConnectionString"], StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_remains_the_default_clustering()
    {
        var env = Assert.Single(HelmRenderer.Render().CpuSilos.Spec.Template.Spec.Containers).Env;

        Assert.Equal("redis", env.Single(e => e.Name == "EvoGrains__Clustering__Provider").Value);
        Assert.Equal(ChartValues.Defaults.Scalar("clustering", "provider"), env.Single(e => e.Name == "EvoGrains__Clustering__Provider").Value);
    }
}
