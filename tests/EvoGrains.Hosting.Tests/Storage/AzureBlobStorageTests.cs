using EvoGrains.Hosting.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace EvoGrains.Hosting.Tests.Storage;

/// <summary>The Azure Blob choice as the silo wires it: Orleans' provider on Azurite, with optimistic concurrency.</summary>
[Trait("Category", "Integration")]
public sealed class AzureBlobStorageTests(AzureBlobSiloFixture fixture) : IClassFixture<AzureBlobSiloFixture>
{
    private const string StateName = "count";

    [Fact]
    public async Task Read_after_write_returns_the_state_and_its_etag()
    {
        var grainId = NewGrainId();
        var written = State(42);

        await fixture.Storage.WriteStateAsync(StateName, grainId, written);
        var read = State();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.Value);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_raises_InconsistentStateException_and_keeps_the_newer_state()
    {
        var grainId = NewGrainId();
        var stale = State(1);
        await fixture.Storage.WriteStateAsync(StateName, grainId, stale);
        var fresh = State();
        await fixture.Storage.ReadStateAsync(StateName, grainId, fresh);
        fresh.State!.Value = 2;
        await fixture.Storage.WriteStateAsync(StateName, grainId, fresh);

        stale.State!.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, grainId, stale));

        var read = State();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task Two_first_writes_of_the_same_state_conflict()
    {
        var grainId = NewGrainId();
        await fixture.Storage.WriteStateAsync(StateName, grainId, State(1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, grainId, State(2)));
    }

    [Fact]
    public async Task Clear_deletes_the_record()
    {
        var grainId = NewGrainId();
        var state = State(7);
        await fixture.Storage.WriteStateAsync(StateName, grainId, state);

        await fixture.Storage.ClearStateAsync(StateName, grainId, state);

        var read = State();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);
    }

    [Fact]
    public async Task Grain_state_is_stored_as_binary_and_labelled_so()
    {
        var counter = fixture.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>($"label-{Guid.NewGuid():N}");
        await counter.Increment();

        var blobs = new List<string>();
        await foreach (var blob in fixture.Container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        var name = Assert.Single(blobs, b => b.Contains(counter.GetGrainId().Key.ToString()!, StringComparison.Ordinal));
        var properties = await fixture.Container.GetBlobClient(name).GetPropertiesAsync();
        // Orleans' binary serializer (the silo's choice) and Orleans' provider's content type agree.
        Assert.Equal("application/octet-stream", properties.Value.ContentType);
    }

    private static GrainState<CountState> State(int value = 0) => new(new CountState { Value = value });

    private static GrainId NewGrainId() => GrainId.Create("count", Guid.NewGuid().ToString("N"));
}
