namespace EvoGrains.Core.Search.Book;

/// <summary>
/// A search's durable record: spec, lifecycle, the unsealed tail of the history (full pages live elsewhere),
/// the hall of fame (best first, in the order ties were broken), each island's last status, the final stage
/// in progress and its table. Its size is bounded by the page size, the hall of fame and one final round.
/// </summary>
public sealed record SearchRecord
{
    public SearchSpec? Spec { get; init; }

    public SearchState State { get; init; } = SearchState.Created;

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public IReadOnlyList<HistoryEntry> HistoryTail { get; init; } = [];

    public int SealedPages { get; init; }

    public long LateResults { get; init; }

    public IReadOnlyDictionary<int, IslandStatus> Islands { get; init; } = new Dictionary<int, IslandStatus>();

    public IReadOnlyList<HallOfFameEntry> HallOfFame { get; init; } = [];

    public FinalStageRecord? Final { get; init; }

    public FinalComparison? Comparison { get; init; }

    /// <summary>Why the search failed (state Failed).</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// Training steps spent by the search's evaluations so far (each result's steps times its seeds).
    /// </summary>
    public long TrainingSteps { get; init; }

    /// <summary>When the final stage began (null before).</summary>
    public DateTimeOffset? FinalStageStartedAt { get; init; }

    /// <summary>
    /// Search trainings still running when the searching ended, cancelled then (see
    /// <see cref="SearchStatus.CancelledTrainings"/>).
    /// </summary>
    public int CancelledTrainings { get; init; }

    /// <summary>
    /// Each island's high-water mark: the highest result sequence the search counted from it (see
    /// <see cref="HistoryBook.Reported"/>). Island results at or below it are resends and are ignored.
    /// </summary>
    public IReadOnlyDictionary<int, long> Reported { get; init; } = new Dictionary<int, long>();

    public static SearchRecord Empty { get; } = new();
}
