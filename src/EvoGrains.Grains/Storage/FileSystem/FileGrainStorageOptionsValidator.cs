using Orleans.Runtime;

namespace EvoGrains.Grains.Storage.FileSystem;

internal sealed class FileGrainStorageOptionsValidator(FileGrainStorageOptions options, string name)
    : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.RootFolder))
        {
            throw new OrleansConfigurationException(
                $"File grain storage '{name}': {nameof(FileGrainStorageOptions.RootFolder)} is required.");
        }
    }
}
