namespace EvoGrains.Core.Search.Book;

/// <summary>
/// A search's durable record: spec, lifecycle, the unsealed tail of the history (full pages live elsewhere),
/// the hall of fame (best first, in the order ties were broken), each island's last status, the final stage
/// in progress and its table. Its size is bounded by the page size, the hall of fame and one final round.
/// </summary>
public sealed record SearchRecord(
    SearchSpec? Spec,
    SearchState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<HistoryEntry> HistoryTail,
    int SealedPages,
    long LateResults,
    IReadOnlyDictionary<int, IslandStatus> Islands,
    IReadOnlyList<HallOfFameEntry> HallOfFame,
    FinalStageRecord? Final,
    FinalComparison? Comparison)
{
    /// <summary>Why the search failed (state Failed).</summary>
    public string? Failure { get; init; }

    /// <summary>Training steps spent by the search's evaluations so far (each result's steps times its seeds).</summary>
    public long TrainingSteps { get; init; }

    /// <summary>When the final stage began (null before).</summary>
    public DateTimeOffset? FinalStageStartedAt { get; init; }

    /// <summary>Search trainings still running when the searching ended, cancelled then (see <see cref="SearchStatus.CancelledTrainings"/>).</summary>
    public int CancelledTrainings { get; init; }

    /// <summary>
    /// Each island's high-water mark: the highest result sequence the search counted from it (see
    /// <see cref="HistoryBook.Reported"/>). Island results at or below it are resends and are ignored.
    /// </summary>
    public IReadOnlyDictionary<int, long> Reported { get; init; } = new Dictionary<int, long>();

    public static SearchRecord Empty { get; } = new(null, SearchState.Created, null, null, [], 0, 0, new Dictionary<int, IslandStatus>(), [], null, null);
}
