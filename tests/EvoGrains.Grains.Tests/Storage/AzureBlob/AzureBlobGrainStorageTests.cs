using Azure.Storage.Blobs;
using EvoGrains.Grains.Storage.AzureBlob;
using EvoGrains.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Storage.AzureBlob;

[Trait("Category", "Integration")]
public sealed class AzureBlobGrainStorageTests(AzuriteServer azurite) : GrainStorageContractTests, IAsyncLifetime, IClassFixture<AzuriteServer>
{
    private readonly string _container = $"test-{Guid.NewGuid():N}";
    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    public Task InitializeAsync() => CreateBlobStorage().InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Initialization_creates_the_container()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, _container);

        Assert.True((await container.ExistsAsync()).Value);
    }

    protected override IGrainStorage CreateStorage() => CreateBlobStorage();

    private AzureBlobGrainStorage CreateBlobStorage() =>
        new(
            "evograins",
            new AzureBlobGrainStorageOptions
            {
                ConnectionString = azurite.ConnectionString,
                ContainerName = _container,
                GrainStorageSerializer = GrainStorageHarness.Serializer,
            },
            Options.Create(new ClusterOptions { ServiceId = _serviceId }),
            GrainStorageHarness.ActivatorProvider,
            NullLogger<AzureBlobGrainStorage>.Instance);
}
