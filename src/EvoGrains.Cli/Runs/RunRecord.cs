using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// Everything a run folder is written from: the spec, every evaluation, the best losses, the final table's rows as
/// printed (evolved losses named by rank) and the final stage they came from (its split and elimination rounds).
/// </summary>
public sealed record RunRecord(
    string SearchId,
    SearchSpec Spec,
    string Status,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<HallOfFameEntry> HallOfFame,
    IReadOnlyList<ComparisonRow> Comparison,
    FinalComparison? Final,
    long RejectedByScreening,
    long Deduplicated);
