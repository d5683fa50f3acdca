using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>A search as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("evograins.search-summary")]
public sealed record SearchSummary(
    [Id(0)] string SearchId,
    [Id(1)] string Name,
    [Id(2)] SearchState State,
    [Id(3)] DateTimeOffset CreatedAt,
    [Id(4)] DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The search has work to drive (searching or in its final stage). Its grain's timer is what drives it, and a timer
    /// dies with its silo, so such a search is woken when a silo starts.
    /// </summary>
    public bool IsUnderway() => State is SearchState.Running or SearchState.FinalStage;
}
