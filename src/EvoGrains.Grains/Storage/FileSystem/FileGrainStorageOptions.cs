using Orleans.Storage;

namespace EvoGrains.Grains.Storage.FileSystem;

public sealed class FileGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Folder that holds one file per grain state; created at silo start.</summary>
    public string? RootFolder { get; set; }

    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Defaults to the silo-wide <see cref="IGrainStorageSerializer"/> when left null.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
