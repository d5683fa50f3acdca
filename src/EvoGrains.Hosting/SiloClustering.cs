using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using EvoGrains.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace EvoGrains.Hosting;

/// <summary>How the silo finds its cluster: <c>EvoGrains:Clustering:Provider</c>.</summary>
internal static class SiloClustering
{
    /// <summary>
    /// Membership settings for a cluster whose silos may all restart at once (a node drain, a crash of
    /// the whole deployment). A joining silo first validates connectivity to every membership entry
    /// marked Active, and the entries of killed predecessors stay Active until someone evicts them. A
    /// successor on the same endpoint retires its own predecessor (<see cref="PredecessorRetirement"/>
    /// makes sure); one on a new address (a new pod) cannot, and then probes and votes must evict the
    /// dead entry. Entries count as stale once their last I-am-alive is IAmAliveTablePublishTimeout x
    /// NumMissedTableIAmAliveLimit old (30 s x 3 = 90 s by default): every silo, joining ones included,
    /// then probes them, and they stop counting among the live silos whose votes an eviction needs.
    /// With the defaults simultaneous joiners stalled for more than 40 s; 5 s x 2 = 10 s costs one small
    /// table write per silo every 5 s instead of every 30 s.
    /// </summary>
    internal static void RejoinQuickly(ClusterMembershipOptions membership)
    {
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        membership.NumMissedTableIAmAliveLimit = 2;
    }

    public static void UseEvoGrainsClustering(this ISiloBuilder silo, EvoGrainsSiloOptions options)
    {
        var clustering = options.Clustering;
        switch (clustering.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(
                    options.Silo.SiloPort, options.Silo.GatewayPort, serviceId: options.ServiceId,
                    clusterId: options.ClusterId);
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
        silo.Configure<ClusterMembershipOptions>(RejoinQuickly);
        silo.Services.AddSingleton<PredecessorRetirement>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            services => services.GetRequiredService<PredecessorRetirement>());
        var endpoints = options.Silo;
        if (endpoints.AdvertisedIPAddress is { } ip)
        {
            silo.ConfigureEndpoints(
                IPAddress.Parse(ip), endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
