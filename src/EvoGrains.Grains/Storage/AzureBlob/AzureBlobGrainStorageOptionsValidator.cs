using Orleans.Runtime;

namespace EvoGrains.Grains.Storage.AzureBlob;

internal sealed class AzureBlobGrainStorageOptionsValidator(AzureBlobGrainStorageOptions options, string name)
    : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OrleansConfigurationException(
                $"Azure Blob grain storage '{name}': {nameof(AzureBlobGrainStorageOptions.ConnectionString)} is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ContainerName))
        {
            throw new OrleansConfigurationException(
                $"Azure Blob grain storage '{name}': {nameof(AzureBlobGrainStorageOptions.ContainerName)} is required.");
        }
    }
}
