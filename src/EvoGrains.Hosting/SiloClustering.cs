using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using EvoGrains.Hosting.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace EvoGrains.Hosting;

/// <summary>How the silo finds its cluster: <c>EvoGrains:Clustering:Provider</c>.</summary>
internal static class SiloClustering
{
    public static void UseEvoGrainsClustering(this ISiloBuilder silo, EvoGrainsSiloOptions options)
    {
        var clustering = options.Clustering;
        switch (clustering.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(options.Silo.SiloPort, options.Silo.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                return;

            case ClusteringProvider.Redis:
                silo.UseRedisClustering(clustering.ConnectionString!);
                break;

            case ClusteringProvider.AzureTable:
                silo.UseAzureStorageClustering(table =>
                {
                    table.TableServiceClient = new TableServiceClient(clustering.ConnectionString);
                    table.TableName = clustering.TableName;
                });
                break;

            default:
                throw new UnreachableException($"Unhandled clustering provider {clustering.Provider}.");
        }

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ServiceId = options.ServiceId;
            cluster.ClusterId = options.ClusterId;
        });
        var endpoints = options.Silo;
        if (endpoints.AdvertisedIPAddress is { } ip)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(ip), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
