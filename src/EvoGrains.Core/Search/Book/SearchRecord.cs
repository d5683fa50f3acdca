using Orleans;

namespace EvoGrains.Core.Search.Book;

/// <summary>
/// A search's durable record: spec, lifecycle, the unsealed tail of the history (full pages live elsewhere),
/// the hall of fame (best first, in the order ties were broken), each island's last status, the final stage
/// in progress and its table. Its size is bounded by the page size, the hall of fame and one final round.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.search-record")]
public sealed record SearchRecord
{
    [Id(0)] internal readonly SearchSpec? spec;

    public SearchSpec? Spec { get => spec; init => spec = value; }

    [Id(1)] internal readonly SearchState state = SearchState.Created;

    public SearchState State { get => state; init => state = value; }

    [Id(2)] internal readonly DateTimeOffset? startedAt;

    public DateTimeOffset? StartedAt { get => startedAt; init => startedAt = value; }

    [Id(3)] internal readonly DateTimeOffset? endedAt;

    public DateTimeOffset? EndedAt { get => endedAt; init => endedAt = value; }

    [Id(4)] internal readonly IReadOnlyList<HistoryEntry> historyTail = [];

    public IReadOnlyList<HistoryEntry> HistoryTail { get => historyTail; init => historyTail = value; }

    [Id(5)] internal readonly int sealedPages;

    public int SealedPages { get => sealedPages; init => sealedPages = value; }

    [Id(6)] internal readonly long lateResults;

    public long LateResults { get => lateResults; init => lateResults = value; }

    [Id(7)] internal readonly IReadOnlyDictionary<int, IslandStatus> islands = new Dictionary<int, IslandStatus>();

    public IReadOnlyDictionary<int, IslandStatus> Islands { get => islands; init => islands = value; }

    [Id(8)] internal readonly IReadOnlyList<HallOfFameEntry> hallOfFame = [];

    public IReadOnlyList<HallOfFameEntry> HallOfFame { get => hallOfFame; init => hallOfFame = value; }

    [Id(9)] internal readonly FinalStageRecord? final;

    public FinalStageRecord? Final { get => final; init => final = value; }

    [Id(10)] internal readonly FinalComparison? comparison;

    public FinalComparison? Comparison { get => comparison; init => comparison = value; }

    [Id(11)] internal readonly string? failure;

    /// <summary>Why the search failed (state Failed).</summary>
    public string? Failure { get => failure; init => failure = value; }

    [Id(12)] internal readonly long trainingSteps;

    /// <summary>
    /// Training steps spent by the search's evaluations so far (each result's steps times its seeds).
    /// </summary>
    public long TrainingSteps { get => trainingSteps; init => trainingSteps = value; }

    [Id(13)] internal readonly DateTimeOffset? finalStageStartedAt;

    /// <summary>When the final stage began (null before).</summary>
    public DateTimeOffset? FinalStageStartedAt { get => finalStageStartedAt; init => finalStageStartedAt = value; }

    [Id(14)] internal readonly int cancelledTrainings;

    /// <summary>
    /// Search trainings still running when the searching ended, cancelled then (see
    /// <see cref="SearchStatus.CancelledTrainings"/>).
    /// </summary>
    public int CancelledTrainings { get => cancelledTrainings; init => cancelledTrainings = value; }

    [Id(15)] internal readonly IReadOnlyDictionary<int, long> reported = new Dictionary<int, long>();

    /// <summary>
    /// Each island's high-water mark: the highest result sequence the search counted from it (see
    /// <see cref="HistoryBook.Reported"/>). Island results at or below it are resends and are ignored.
    /// </summary>
    public IReadOnlyDictionary<int, long> Reported { get => reported; init => reported = value; }

    public static SearchRecord Empty { get; } = new();
}
