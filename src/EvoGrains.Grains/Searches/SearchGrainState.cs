using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// A search's durable record: spec, lifecycle, the unsealed tail of the history (full pages live in
/// history page grains), the hall of fame, each island's last status, and the final stage's plan
/// and results. Its size is bounded by the page size and the hall of fame, not by the history.
/// </summary>
[GenerateSerializer, Alias("evograins.search-grain-state")]
public sealed class SearchGrainState
{
    [Id(0)]
    public SearchSpec? Spec { get; set; }

    [Id(1)]
    public SearchState State { get; set; }

    [Id(2)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(3)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>History records not yet sealed into a page; the first has index <see cref="SealedPages"/> x page size.</summary>
    [Id(4)]
    public List<HistoryEntry> HistoryTail { get; set; } = [];

    [Id(5)]
    public int SealedPages { get; set; }

    [Id(6)]
    public long LateResults { get; set; }

    [Id(7)]
    public Dictionary<int, IslandStatus> Islands { get; set; } = [];

    /// <summary>Best first; the order ties were broken in, so re-offering it rebuilds the same hall.</summary>
    [Id(8)]
    public List<HallOfFameEntry> HallOfFame { get; set; } = [];

    [Id(9)]
    public List<ComparisonArm> FinalArms { get; set; } = [];

    [Id(10)]
    public Dictionary<string, EvaluationResult> FinalResults { get; set; } = new(StringComparer.Ordinal);

    [Id(11)]
    public FinalComparison? Comparison { get; set; }
}
