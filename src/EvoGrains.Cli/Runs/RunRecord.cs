using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// Everything a run folder is written from: the spec, every evaluation, the best losses, the final table's rows as
/// printed (evolved losses named by rank) and the final stage they came from (its split and elimination rounds).
/// </summary>
public sealed record RunRecord(
    string SearchId,
    SearchSpec Spec,
    SearchState State,
    string? Failure,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<HallOfFameEntry> HallOfFame,
    IReadOnlyList<ComparisonRow> Comparison,
    FinalComparison? Final,
    long RejectedByScreening,
    long Deduplicated)
{
    /// <summary>
    /// Results that arrived after the searching ended (or over the evaluations budget), counted nowhere.
    /// </summary>
    public long LateResults { get; init; }

    /// <summary>Search trainings still running when the searching ended, cancelled then.</summary>
    public int CancelledTrainings { get; init; }

    /// <summary>
    /// The state, and for a failed search why (status, watch and the report all say it the same way).
    /// </summary>
    public string Status => StateText(State, Failure);

    public static string StateText(SearchState state, string? failure) =>
        failure is null ? state.ToString() : $"{state} ({failure})";

    /// <summary>
    /// The final table's rows as a run folder prints them: an evolved loss named by its hall-of-fame rank and hash, as
    /// in the report's list ("#3 4fc2088e24f9e7b2" when elimination kept the third).
    /// </summary>
    public static IReadOnlyList<ComparisonRow> RankedRows(
        FinalComparison? comparison,
        IReadOnlyList<HallOfFameEntry> hallOfFame)
    {
        var rank = hallOfFame
            .Select((entry, i) => (entry.Hash, Rank: i + 1))
            .ToDictionary(e => e.Hash, e => e.Rank, StringComparer.Ordinal);
        return comparison?.Rows
            .Select(r => r.IsBaseline
                ? r
                : r with { Name = rank.TryGetValue(r.Name, out var at) ? $"#{at} {r.Name}" : r.Name })
            .ToList() ?? [];
    }
}
