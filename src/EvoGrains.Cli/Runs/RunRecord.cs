using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>Everything a run folder is written from: the spec, every evaluation, the best losses and the final table.</summary>
public sealed record RunRecord(
    string SearchId,
    SearchSpec Spec,
    string Status,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<HallOfFameEntry> HallOfFame,
    IReadOnlyList<ComparisonRow> Comparison,
    long RejectedByScreening,
    long Deduplicated);
