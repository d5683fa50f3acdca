using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;

namespace EvoGrains.Grains.Searches;

/// <summary>Lists searches for clients; searches upsert their summary on every state change.</summary>
public sealed class SearchRegistryGrain(
    [PersistentState("registry", EvoGrainsStorage.ProviderName)] IPersistentState<SearchRegistryState> state)
    : Grain, ISearchRegistryGrain
{
    public async Task UpsertAsync(SearchSummary summary, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (state.State.Searches.TryGetValue(summary.SearchId, out var known))
        {
            summary = summary with { CreatedAt = known.CreatedAt };
        }

        state.State.Searches[summary.SearchId] = summary;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SearchSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SearchSummary>>(state.State.Searches.Values.OrderBy(s => s.CreatedAt).ToList());
}
