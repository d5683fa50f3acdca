namespace EvoGrains.Hosting.Configuration;

/// <summary><c>EvoGrains:Storage</c>: the backend of the "evograins" grain storage provider.</summary>
public sealed class StorageSettings
{
    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Required for <see cref="StorageProvider.File"/>.</summary>
    public string? RootFolder { get; set; }

    /// <summary>Redis or Azure Storage connection string, depending on <see cref="Provider"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob container for <see cref="StorageProvider.AzureBlob"/>.</summary>
    public string ContainerName { get; set; } = "evograins-state";
}
