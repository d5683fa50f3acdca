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

    [Fact]
    public void The_web_page_is_on_and_read_only_by_default_and_a_blank_token_is_none()
    {
        var defaults = EvoGrainsSiloOptionsReader.Read(Build([]));
        Assert.True(defaults.Web.Enabled);
        Assert.Null(defaults.Web.AccessToken);
        Assert.False(defaults.Web.ControlEnabled);

        var blank = EvoGrainsSiloOptionsReader.Read(Build(new() { ["EvoGrains:Web:AccessToken"] = "   " }));
        Assert.False(blank.Web.ControlEnabled);

        var token = EvoGrainsSiloOptionsReader.Read(Build(new() { ["EvoGrains:Web:AccessToken"] = " 0123456789abcdef0123\n" }));
        Assert.Equal("0123456789abcdef0123", token.Web.AccessToken);
        Assert.True(token.Web.ControlEnabled);
    }

    [Fact]
    public void A_short_token_is_refused_without_being_echoed()
    {
        var error = Assert.Throws<EvoGrainsConfigurationException>(() => EvoGrainsSiloOptionsReader.Read(Build(new() { ["EvoGrains:Web:AccessToken"] = "hunter2" })));

        Assert.Equal("EvoGrains:Web:AccessToken must have at least 16 characters, got 7 (e.g. `openssl rand -hex 24`).", error.Message);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api")]
    [InlineData("/static/")]
    [InlineData("/searches")]
    public void The_dashboard_may_not_take_a_path_of_the_web_page(string path)
    {
        var error = Assert.Throws<EvoGrainsConfigurationException>(() => EvoGrainsSiloOptionsReader.Read(Build(new() { ["EvoGrains:Dashboard:Path"] = path })));

        Assert.Equal($"EvoGrains:Dashboard:Path '{path}' is taken by the web page; choose another path.", error.Message);
        Assert.Equal(path, EvoGrainsSiloOptionsReader.Read(Build(new() { ["EvoGrains:Dashboard:Path"] = path, ["EvoGrains:Web:Enabled"] = "false" })).Dashboard.Path);
    }

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
