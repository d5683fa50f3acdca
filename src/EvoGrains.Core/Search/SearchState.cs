namespace EvoGrains.Core.Search;

/// <summary>Where a search is in its life. Completed and Cancelled are terminal.</summary>
public enum SearchState
{
    Created = 0,
    Running = 1,
    Paused = 2,
    FinalStage = 3,
    Completed = 4,
    Cancelled = 5,
}
