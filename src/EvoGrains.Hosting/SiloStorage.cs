using System.Diagnostics;
using Azure.Storage.Blobs;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Storage.FileSystem;
using EvoGrains.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using StackExchange.Redis;

namespace EvoGrains.Hosting;

/// <summary>The backend of the "evograins" grain storage provider: <c>EvoGrains:Storage:Provider</c>.</summary>
internal static class SiloStorage
{
    public static void AddEvoGrainsStorage(this ISiloBuilder silo, StorageSettings storage)
    {
        const string name = EvoGrainsStorage.ProviderName;

        // Orleans' own binary format for every provider: the default JSON serializer cost more CPU
        // per island write than proposing a candidate. The state types carry stable [Id]s, so it is version tolerant.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                silo.AddMemoryGrainStorage(name);
                return;
            case StorageProvider.File:
                silo.AddFileGrainStorage(name, o => o.RootFolder = storage.RootFolder);
                return;
            case StorageProvider.Redis:
                silo.AddRedisGrainStorage(
                    name, o => o.ConfigurationOptions = ConfigurationOptions.Parse(storage.ConnectionString!));
                return;
            case StorageProvider.AzureBlob:
                // Orleans' provider keys blobs by state name and grain id only, not by ServiceId: one container per
                // service.
                silo.AddAzureBlobGrainStorage(name, o =>
                {
                    o.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
                    o.ContainerName = storage.ContainerName;
                });
                return;
            default:
                throw new UnreachableException($"Unhandled storage provider {storage.Provider}.");
        }
    }
}
