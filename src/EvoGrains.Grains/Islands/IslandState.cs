using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// What an island needs to resume elsewhere: its population, the evaluations in flight, results
/// the search has not accepted yet (outbox), and its counters.
/// </summary>
[GenerateSerializer, Alias("evograins.island-state")]
public sealed class IslandState
{
    [Id(0)]
    public string SearchId { get; set; } = "";

    [Id(1)]
    public int Index { get; set; }

    [Id(2)]
    public SearchSpec? Spec { get; set; }

    [Id(3)]
    public bool Started { get; set; }

    [Id(4)]
    public bool Paused { get; set; }

    [Id(5)]
    public bool Stopped { get; set; }

    [Id(6)]
    public List<StoredMember> Members { get; set; } = [];

    [Id(7)]
    public List<StoredPending> InFlight { get; set; } = [];

    [Id(8)]
    public List<HistoryEntry> Outbox { get; set; } = [];

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

    [Id(15)]
    public List<RungResult> Rungs { get; set; } = [];

    public IslandSnapshot ToSnapshot() => new(
        Paused,
        Stopped,
        Members,
        InFlight,
        Outbox.Select(IslandMessages.Result).ToList(),
        new IslandCounters
        {
            Results = Results, ResultsSinceMigration = ResultsSinceMigration, RejectedByScreening = RejectedByScreening,
            Duplicates = Duplicates, SharedResults = SharedResults, MigrantsReceived = MigrantsReceived,
        })
    {
        Rungs = Rungs,
    };

    /// <summary>Takes the runtime's state.</summary>
    public void Capture(IslandSnapshot snapshot)
    {
        (Paused, Stopped) = (snapshot.Paused, snapshot.Stopped);
        Members = [.. snapshot.Members];
        InFlight = [.. snapshot.InFlight];
        Rungs = [.. snapshot.Rungs];
        Outbox = snapshot.Outbox.Select(r => IslandMessages.Record(Index, r)).ToList();
        var counters = snapshot.Counters;
        (Results, ResultsSinceMigration, RejectedByScreening) =
            (counters.Results, counters.ResultsSinceMigration, counters.RejectedByScreening);
        (Duplicates, SharedResults, MigrantsReceived) =
            (counters.Duplicates, counters.SharedResults, counters.MigrantsReceived);
    }
}
