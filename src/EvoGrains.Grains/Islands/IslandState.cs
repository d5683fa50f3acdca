using EvoGrains.Abstractions;
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
    public List<MemberRecord> Members { get; set; } = [];

    [Id(7)]
    public Dictionary<string, InFlightRecord> InFlight { get; set; } = new(StringComparer.Ordinal);

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
    public List<RungRecord> Rungs { get; set; } = [];

    public IslandSnapshot ToSnapshot() => new(
        Paused,
        Stopped,
        Members.Select(m => m.ToStored()).ToList(),
        InFlight.Values
            .Select(f => new StoredPending(new StoredCandidate(f.Ticket.Genome, f.Ticket.Operator, f.Ticket.Parents), f.Shared)
            {
                Rung = f.Rung,
            })
            .ToList(),
        Outbox.Select(IslandMessages.Result).ToList(),
        new IslandCounters
        {
            Results = Results, ResultsSinceMigration = ResultsSinceMigration, RejectedByScreening = RejectedByScreening,
            Duplicates = Duplicates, SharedResults = SharedResults, MigrantsReceived = MigrantsReceived,
        })
    {
        Rungs = Rungs.Select(IslandMessages.Result).ToList(),
    };

    /// <summary>Takes the runtime's state; in-flight tickets come from the live candidates (their screened loss).</summary>
    public void Capture(IslandSnapshot snapshot, IEnumerable<PendingEvaluation> inFlight)
    {
        (Paused, Stopped) = (snapshot.Paused, snapshot.Stopped);
        Members = snapshot.Members.Select(MemberRecord.From).ToList();
        InFlight = inFlight.ToDictionary(
            p => p.Key,
            p => new InFlightRecord { Ticket = IslandMessages.Ticket(p), Shared = p.Shared, Rung = p.Rung },
            StringComparer.Ordinal);
        Rungs = snapshot.Rungs.Select(IslandMessages.Record).ToList();
        Outbox = snapshot.Outbox.Select(r => IslandMessages.Record(Index, r)).ToList();
        var counters = snapshot.Counters;
        (Results, ResultsSinceMigration, RejectedByScreening) = (counters.Results, counters.ResultsSinceMigration, counters.RejectedByScreening);
        (Duplicates, SharedResults, MigrantsReceived) = (counters.Duplicates, counters.SharedResults, counters.MigrantsReceived);
    }
}
