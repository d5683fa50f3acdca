using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Holds one sealed page of a search's history; written once, read by clients and by the search on reactivation.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class HistoryPageGrain(
    [PersistentState("history-page", EvoGrainsStorage.ProviderName)] IPersistentState<HistoryPageState> state)
    : Grain, IHistoryPageGrain
{
    public async Task WriteAsync(IReadOnlyList<HistoryEntry> records)
    {
        state.State.Records = records.ToList();
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<HistoryEntry>> ReadAsync() =>
        Task.FromResult<IReadOnlyList<HistoryEntry>>(state.State.Records);
}
