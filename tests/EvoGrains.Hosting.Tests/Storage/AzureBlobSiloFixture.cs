using Azure.Storage.Blobs;
using EvoGrains.Grains.Storage;
using EvoGrains.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace EvoGrains.Hosting.Tests.Storage;

/// <summary>One silo with <c>EvoGrains:Storage:Provider=azureblob</c> on its own Azurite, shared by a test class.</summary>
public sealed class AzureBlobSiloFixture : IAsyncLifetime
{
    private readonly AzuriteServer azurite = new();
    private IHost? silo;

    public string ContainerName { get; } = $"state-{Guid.NewGuid():N}";

    /// <summary>The "evograins" provider as the silo registered it (Orleans' Azure Blob grain storage).</summary>
    public IGrainStorage Storage => Silo.Services.GetRequiredKeyedService<IGrainStorage>(EvoGrainsStorage.ProviderName);

    public IHost Silo => silo ?? throw new InvalidOperationException("Silo not started.");

    public BlobContainerClient Container => new(azurite.ConnectionString, ContainerName);

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var configuration = SiloHostFactory.BaseConfiguration($"svc-{Guid.NewGuid():N}");
        configuration["EvoGrains:Storage:Provider"] = "azureblob";
        configuration["EvoGrains:Storage:ConnectionString"] = azurite.ConnectionString;
        configuration["EvoGrains:Storage:ContainerName"] = ContainerName;
        silo = SiloHostFactory.Build(configuration);
        await silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        await azurite.DisposeAsync();
    }
}
