namespace EvoGrains.Hosting.Configuration;

public enum StorageProvider
{
    Memory,
    File,
    Redis,
    AzureBlob,
}
