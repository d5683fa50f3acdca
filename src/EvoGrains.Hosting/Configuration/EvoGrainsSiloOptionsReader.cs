using System.Net;
using Microsoft.Extensions.Configuration;

namespace EvoGrains.Hosting.Configuration;

/// <summary>
/// Binds and validates <see cref="EvoGrainsSiloOptions"/> eagerly: the clustering and storage
/// choices decide which Orleans providers get registered, so they must be known while building.
/// </summary>
public static class EvoGrainsSiloOptionsReader
{
    private const string Section = EvoGrainsSiloOptions.SectionName;

    public static EvoGrainsSiloOptions Read(IConfiguration configuration)
    {
        EvoGrainsSiloOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<EvoGrainsSiloOptions>() ?? new EvoGrainsSiloOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message already names the key and the bad value.
            throw new EvoGrainsConfigurationException(ex.Message, ex);
        }

        options.Silo.AdvertisedIPAddress ??= configuration["POD_IP"];
        Validate(options);
        return options;
    }

    private static void Validate(EvoGrainsSiloOptions options)
    {
        Require(options.ServiceId, $"{Section}:ServiceId", "it must not be empty");
        Require(options.ClusterId, $"{Section}:ClusterId", "it must not be empty");

        if (options.Clustering.Provider is ClusteringProvider.Redis or ClusteringProvider.AzureTable)
        {
            Require(
                options.Clustering.ConnectionString, $"{Section}:Clustering:ConnectionString",
                $"EvoGrains:Clustering:Provider is {options.Clustering.Provider}");
        }

        if (options.Clustering.Provider == ClusteringProvider.AzureTable)
        {
            Require(
                options.Clustering.TableName, $"{Section}:Clustering:TableName",
                "EvoGrains:Clustering:Provider is AzureTable");
        }

        switch (options.Storage.Provider)
        {
            case StorageProvider.File:
                Require(
                    options.Storage.RootFolder, $"{Section}:Storage:RootFolder", "EvoGrains:Storage:Provider is file");
                break;
            case StorageProvider.Redis:
            case StorageProvider.AzureBlob:
                Require(
                    options.Storage.ConnectionString, $"{Section}:Storage:ConnectionString",
                    $"EvoGrains:Storage:Provider is {options.Storage.Provider}");
                break;
        }

        if (options.Storage.Provider == StorageProvider.AzureBlob)
        {
            Require(
                options.Storage.ContainerName, $"{Section}:Storage:ContainerName",
                "EvoGrains:Storage:Provider is AzureBlob");
        }

        RequirePort(options.Silo.SiloPort, $"{Section}:Silo:SiloPort");
        RequirePort(options.Silo.GatewayPort, $"{Section}:Silo:GatewayPort");

        if (options.Silo.AdvertisedIPAddress is { } ip && !IPAddress.TryParse(ip, out _))
        {
            throw new EvoGrainsConfigurationException(
                $"{Section}:Silo:AdvertisedIPAddress (or POD_IP) '{ip}' is not an IP address.");
        }

        if (options.Silo.ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new EvoGrainsConfigurationException(
                $"{Section}:Silo:ShutdownTimeout must be positive, got '{options.Silo.ShutdownTimeout}'.");
        }

        if (options.Dashboard.Enabled && !options.Dashboard.Path.StartsWith('/'))
        {
            throw new EvoGrainsConfigurationException(
                $"{Section}:Dashboard:Path must start with '/', got '{options.Dashboard.Path}'.");
        }

        // A blank token (an empty Secret key, an unset variable) means none: the page stays read-only.
        options.Web.AccessToken = string.IsNullOrWhiteSpace(options.Web.AccessToken)
            ? null
            : options.Web.AccessToken.Trim();
        if (options.Web.AccessToken is { Length: < WebSettings.MinimumTokenLength } token)
        {
            // The message never echoes the token.
            throw new EvoGrainsConfigurationException(
                $"{Section}:Web:AccessToken must have at least {WebSettings.MinimumTokenLength} characters, got "
                + $"{token.Length} (e.g. `openssl rand -hex 24`).");
        }

        if (options.Dashboard.Enabled
            && options.Web.Enabled
            && options.Dashboard.Path.TrimEnd('/') is "" or "/api" or "/static" or "/searches")
        {
            throw new EvoGrainsConfigurationException(
                $"{Section}:Dashboard:Path '{options.Dashboard.Path}' is taken by the web page; choose another path.");
        }
    }

    private static void Require(string? value, string key, string because)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EvoGrainsConfigurationException($"{key} is required ({because}).");
        }
    }

    private static void RequirePort(int port, string key)
    {
        if (port is < 1 or > IPEndPoint.MaxPort)
        {
            throw new EvoGrainsConfigurationException(
                $"{key} must be a TCP port between 1 and {IPEndPoint.MaxPort}, got {port}.");
        }
    }
}
