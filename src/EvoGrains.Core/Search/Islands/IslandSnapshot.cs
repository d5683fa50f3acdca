namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// Everything an island needs to resume elsewhere, including the results its rung ladder still ranks.
/// </summary>
public sealed record IslandSnapshot(
    bool Paused,
    bool Stopped,
    IReadOnlyList<StoredMember> Members,
    IReadOnlyList<StoredPending> InFlight,
    IReadOnlyList<IslandResult> Outbox,
    IslandCounters Counters)
{
    public IReadOnlyList<RungResult> Rungs { get; init; } = [];
}
