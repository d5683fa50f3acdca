using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// What an island needs to resume elsewhere: its population, the evaluations in flight, results
/// the search has not acknowledged yet (outbox), and its counters.
/// </summary>
[GenerateSerializer, Alias("evograins.island-state")]
public sealed class IslandState
{
    [Id(0)]
    public string SearchId { get; set; } = "";

    [Id(1)]
    public int Index { get; set; }

    [Id(2)]
    public string SpecJson { get; set; } = "";

    [Id(3)]
    public bool Started { get; set; }

    [Id(4)]
    public bool Paused { get; set; }

    [Id(5)]
    public bool Stopped { get; set; }

    [Id(6)]
    public List<MemberRecord> Members { get; set; } = [];

    [Id(7)]
    public Dictionary<string, InFlightRecord> InFlight { get; set; } = new(StringComparer.Ordinal);

    [Id(8)]
    public List<HistoryRecord> Outbox { get; set; } = [];

    [Id(9)]
    public long Results { get; set; }

    [Id(10)]
    public long ResultsSinceMigration { get; set; }

    [Id(11)]
    public long RejectedByScreening { get; set; }

    [Id(12)]
    public long Duplicates { get; set; }

    [Id(13)]
    public long SharedResults { get; set; }

    [Id(14)]
    public long MigrantsReceived { get; set; }
}
