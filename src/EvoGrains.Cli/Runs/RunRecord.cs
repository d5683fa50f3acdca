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
    /// <summary>Results that arrived after the searching ended (or over the evaluations budget), counted nowhere.</summary>
    public long LateResults { get; init; }

    /// <summary>Search trainings still running when the searching ended, cancelled then.</summary>
    public int CancelledTrainings { get; init; }

    /// <summary>The state, and for a failed search why (status, watch and the report all say it the same way).</summary>
    public string Status => StateText(State, Failure);

    public static string StateText(SearchState state, string? failure) => failure is null ? state.ToString() : $"{state} ({failure})";

    /// <summary>The final table's rows as a run folder prints them: evolved losses named by rank and hash, as in the report's list.</summary>
    public static IReadOnlyList<ComparisonRow> RankedRows(FinalComparison? comparison)
    {
        var evolved = 0;
        return comparison?.Rows.Select(r => r.IsBaseline ? r : r with { Name = $"#{++evolved} {r.Name}" }).ToList() ?? [];
    }
}
