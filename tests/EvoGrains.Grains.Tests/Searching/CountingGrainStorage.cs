using System.Collections.Concurrent;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>A grain storage that passes everything to another and counts the writes of each grain.</summary>
internal sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> writes = new();

    public int WritesOf(GrainId grainId) => writes.GetValueOrDefault(grainId);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        writes.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
