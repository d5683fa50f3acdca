using Orleans.Storage;

namespace EvoGrains.Grains.Storage.AzureBlob;

public sealed class AzureBlobGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Azure Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c> or an explicit one).</summary>
    public string? ConnectionString { get; set; }

    public string ContainerName { get; set; } = "evograins-state";

    /// <summary>Silo lifecycle stage at which the container is created if missing.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Defaults to the silo-wide <see cref="IGrainStorageSerializer"/> when left null.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
