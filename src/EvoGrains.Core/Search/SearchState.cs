using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// Where a search is in its life. Completed, Cancelled and Failed are terminal. The values are stored as numbers.
/// </summary>
[GenerateSerializer, Alias("evograins.search-state")]
public enum SearchState
{
    Created = 0,
    Running = 1,
    Paused = 2,
    FinalStage = 3,
    Completed = 4,
    Cancelled = 5,

    /// <summary>
    /// Every trainer failed for the same permanent reason (<see cref="SearchStatus.Failure"/> says which).
    /// </summary>
    Failed = 6,
}
