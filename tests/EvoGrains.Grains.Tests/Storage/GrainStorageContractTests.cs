using EvoGrains.Grains.Tests.TestGrains;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Storage;

/// <summary>
/// Behaviour every EvoGrains storage provider must share. Each <see cref="CreateStorage"/> call is a
/// separate client over the same backing store, as two silos would be.
/// </summary>
public abstract class GrainStorageContractTests
{
    private const string StateName = "counter";

    protected abstract IGrainStorage CreateStorage();

    [Fact]
    public async Task Missing_state_reads_as_new_without_etag()
    {
        var state = new CounterGrainState();

        await CreateStorage().ReadStateAsync(StateName, GrainStorageHarness.NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State.Value);
    }

    [Fact]
    public async Task Read_after_write_returns_the_written_state_and_etag()
    {
        var grainId = GrainStorageHarness.NewGrainId();
        var written = new CounterGrainState(new CounterState { Value = 42, Note = "λ loss" });

        await CreateStorage().WriteStateAsync(StateName, grainId, written);
        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Value);
        Assert.Equal("λ loss", read.State.Note);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Successive_writes_with_current_etag_succeed()
    {
        var storage = CreateStorage();
        var grainId = GrainStorageHarness.NewGrainId();
        var state = new CounterGrainState(new CounterState { Value = 1 });

        await storage.WriteStateAsync(StateName, grainId, state);
        var first = state.ETag;
        state.State.Value = 2;
        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.NotEqual(first, state.ETag);
        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Equal(2, read.State.Value);
    }

    [Fact]
    public async Task Write_with_stale_etag_throws_InconsistentStateException()
    {
        var grainId = GrainStorageHarness.NewGrainId();
        var clientA = CreateStorage();
        var clientB = CreateStorage();
        var stateA = new CounterGrainState(new CounterState { Value = 1 });
        await clientA.WriteStateAsync(StateName, grainId, stateA);

        var stateB = new CounterGrainState();
        await clientB.ReadStateAsync(StateName, grainId, stateB);
        stateB.State.Value = 2;
        await clientB.WriteStateAsync(StateName, grainId, stateB);

        stateA.State.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => clientA.WriteStateAsync(StateName, grainId, stateA));

        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Equal(2, read.State.Value);
    }

    [Fact]
    public async Task Concurrent_first_writes_conflict()
    {
        var grainId = GrainStorageHarness.NewGrainId();
        await CreateStorage().WriteStateAsync(StateName, grainId, new CounterGrainState(new CounterState { Value = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            CreateStorage().WriteStateAsync(StateName, grainId, new CounterGrainState(new CounterState { Value = 2 })));
    }

    [Fact]
    public async Task Clear_deletes_the_record()
    {
        var storage = CreateStorage();
        var grainId = GrainStorageHarness.NewGrainId();
        var state = new CounterGrainState(new CounterState { Value = 7 });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Value);

        state.State.Value = 8;
        await storage.WriteStateAsync(StateName, grainId, state);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Clear_with_stale_etag_throws_and_keeps_the_record()
    {
        var grainId = GrainStorageHarness.NewGrainId();
        var clientA = CreateStorage();
        var stale = new CounterGrainState(new CounterState { Value = 1 });
        await clientA.WriteStateAsync(StateName, grainId, stale);
        var fresh = new CounterGrainState();
        var clientB = CreateStorage();
        await clientB.ReadStateAsync(StateName, grainId, fresh);
        fresh.State.Value = 5;
        await clientB.WriteStateAsync(StateName, grainId, fresh);

        await Assert.ThrowsAsync<InconsistentStateException>(() => clientA.ClearStateAsync(StateName, grainId, stale));

        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync(StateName, grainId, read);
        Assert.Equal(5, read.State.Value);
    }
}
