namespace EvoGrains.Core.Search;

/// <summary>One evaluation in a search's history (a row of history.csv).</summary>
public sealed record HistoryEntry(
    long Index,
    string Hash,
    string Expression,
    int Island,
    double Fitness,
    EvaluationStatus Status,
    double Seconds,
    string Operator,
    IReadOnlyList<string> Parents,
    string? Failure = null);
