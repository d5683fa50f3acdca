using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>
/// One evaluation as the search recorded it (a row of history.csv). The search assigns <see cref="Index"/>;
/// islands send -1. <see cref="Shared"/>: the result came from another island's training (dedup).
/// </summary>
public sealed record HistoryEntry(
    long Index,
    int Island,
    string Hash,
    string Expression,
    LossText Loss,
    string Genome,
    double Fitness,
    EvaluationStatus Status,
    double Seconds,
    string Operator,
    IReadOnlyList<string> Parents,
    string? Failure,
    bool Shared,
    DateTimeOffset CompletedAt)
{
    /// <summary>A failure that will not go away on retry (<see cref="EvaluationResult.Permanent"/>).</summary>
    public bool Permanent { get; init; }
}
