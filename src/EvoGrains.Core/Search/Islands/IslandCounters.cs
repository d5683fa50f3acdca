namespace EvoGrains.Core.Search.Islands;

/// <summary>What an island has done so far; survives reactivation.</summary>
public sealed record IslandCounters
{
    public long Results { get; init; }

    public long ResultsSinceMigration { get; init; }

    public long RejectedByScreening { get; init; }

    public long Duplicates { get; init; }

    public long SharedResults { get; init; }

    public long MigrantsReceived { get; init; }
}
