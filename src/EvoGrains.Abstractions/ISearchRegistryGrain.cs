using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>The cluster-wide list of searches; a singleton at key <see cref="SingletonKey"/>.</summary>
[Alias("evograins.ISearchRegistryGrain")]
public interface ISearchRegistryGrain : IGrainWithIntegerKey
{
    const long SingletonKey = 0;

    [Alias("Upsert")]
    Task UpsertAsync(SearchSummary summary, CancellationToken cancellationToken = default);

    [Alias("List")]
    Task<IReadOnlyList<SearchSummary>> ListAsync();
}
