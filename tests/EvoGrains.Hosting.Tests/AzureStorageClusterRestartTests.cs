using EvoGrains.TestSupport;

namespace EvoGrains.Hosting.Tests;

/// <summary>Azure Table clustering and Azure Blob grain storage (Orleans' own providers) on a real Azurite.</summary>
[Trait("Category", "Integration")]
public sealed class AzureStorageClusterRestartTests(AzuriteServer azurite) : ClusterRestartTests, IClassFixture<AzuriteServer>
{
    private readonly string container = $"state-{Guid.NewGuid():N}";
    private readonly string table = $"silos{Guid.NewGuid():N}";

    protected override void ConfigureBackend(Dictionary<string, string?> configuration)
    {
        configuration["EvoGrains:Clustering:Provider"] = "azuretable";
        configuration["EvoGrains:Clustering:ConnectionString"] = azurite.ConnectionString;
        configuration["EvoGrains:Clustering:TableName"] = table;
        configuration["EvoGrains:Storage:Provider"] = "azureblob";
        configuration["EvoGrains:Storage:ConnectionString"] = azurite.ConnectionString;
        configuration["EvoGrains:Storage:ContainerName"] = container;
    }
}
