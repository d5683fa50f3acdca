namespace EvoGrains.Silo.Configuration;

public enum StorageProvider
{
    Memory,
    File,
    Redis,
    AzureBlob,
}
