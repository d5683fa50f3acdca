using EvoGrains.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace EvoGrains.Hosting.Tests.Configuration;

public sealed class EvoGrainsSiloOptionsReaderTests
{
    [Fact]
    public void Empty_configuration_gives_the_embedded_defaults()
    {
        var options = EvoGrainsSiloOptionsReader.Read(Build([]));

        Assert.Equal(ClusteringProvider.Localhost, options.Clustering.Provider);
        Assert.Equal(StorageProvider.Memory, options.Storage.Provider);
        Assert.Equal(AcceleratorMode.Auto, options.Silo.Accelerator);
        Assert.Equal("evograins", options.ServiceId);
    }

    [Fact]
    public void Provider_names_bind_case_insensitively()
    {
        var options = EvoGrainsSiloOptionsReader.Read(Build(new()
        {
            ["EvoGrains:Storage:Provider"] = "azureblob",
            ["EvoGrains:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["EvoGrains:Clustering:Provider"] = "redis",
            ["EvoGrains:Clustering:ConnectionString"] = "localhost:6379",
        }));

        Assert.Equal(StorageProvider.AzureBlob, options.Storage.Provider);
        Assert.Equal(ClusteringProvider.Redis, options.Clustering.Provider);
    }

    [Fact]
    public void Azure_table_clustering_takes_a_storage_connection_string_and_a_table()
    {
        var options = EvoGrainsSiloOptionsReader.Read(Build(new()
        {
            ["EvoGrains:Clustering:Provider"] = "AzureTable",
            ["EvoGrains:Clustering:ConnectionString"] = "UseDevelopmentStorage=true",
        }));

        Assert.Equal(ClusteringProvider.AzureTable, options.Clustering.Provider);
        Assert.Equal("OrleansSiloInstances", options.Clustering.TableName);
    }

    [Fact]
    public void Pod_ip_is_the_advertised_address_fallback()
    {
        var options = EvoGrainsSiloOptionsReader.Read(Build(new() { ["POD_IP"] = "10.1.2.3" }));

        Assert.Equal("10.1.2.3", options.Silo.AdvertisedIPAddress);
    }

    [Theory]
    [InlineData("EvoGrains:Storage:Provider", "tape", "EvoGrains:Storage:Provider")]
    [InlineData("EvoGrains:Storage:Provider", "file", "EvoGrains:Storage:RootFolder")]
    [InlineData("EvoGrains:Storage:Provider", "redis", "EvoGrains:Storage:ConnectionString")]
    [InlineData("EvoGrains:Clustering:Provider", "redis", "EvoGrains:Clustering:ConnectionString")]
    [InlineData("EvoGrains:Clustering:Provider", "azuretable", "EvoGrains:Clustering:ConnectionString")]
    [InlineData("EvoGrains:Storage:Provider", "azureblob", "EvoGrains:Storage:ConnectionString")]
    [InlineData("EvoGrains:Silo:SiloPort", "0", "EvoGrains:Silo:SiloPort")]
    [InlineData("EvoGrains:Silo:GatewayPort", "http", "EvoGrains:Silo:GatewayPort")]
    [InlineData("EvoGrains:Silo:Accelerator", "tpu", "EvoGrains:Silo:Accelerator")]
    [InlineData("EvoGrains:Silo:AdvertisedIPAddress", "pod-7", "EvoGrains:Silo:AdvertisedIPAddress")]
    [InlineData("EvoGrains:Silo:ShutdownTimeout", "-00:00:01", "EvoGrains:Silo:ShutdownTimeout")]
    public void Invalid_values_are_reported_with_their_key(string key, string value, string reportedKey)
    {
        var error = Assert.Throws<EvoGrainsConfigurationException>(() => EvoGrainsSiloOptionsReader.Read(Build(new() { [key] = value })));

        Assert.Contains(reportedKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.NewLine, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
