namespace EvoGrains.Core.Search;

/// <summary>A search as the registry lists it.</summary>
public sealed record SearchSummary(
    string SearchId,
    string Name,
    SearchState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The search has work to drive (searching or in its final stage). Its grain's timer is what drives it, and a timer
    /// dies with its silo, so such a search is woken when a silo starts.
    /// </summary>
    public bool IsUnderway() => State is SearchState.Running or SearchState.FinalStage;
}
