namespace EvoGrains.Abstractions;

/// <summary>One evaluation as the search recorded it (a row of history.csv). The search assigns <see cref="Index"/>; islands send -1. <see cref="Shared"/>: the result came from another island's training (dedup).</summary>
[GenerateSerializer, Immutable, Alias("evograins.history-record")]
public sealed record HistoryRecord(
    [property: Id(0)] long Index,
    [property: Id(1)] int Island,
    [property: Id(2)] string Hash,
    [property: Id(3)] string Expression,
    [property: Id(4)] LossText Loss,
    [property: Id(5)] string Genome,
    [property: Id(6)] double Fitness,
    [property: Id(7)] OutcomeStatus Status,
    [property: Id(8)] double Seconds,
    [property: Id(9)] string Operator,
    [property: Id(10)] IReadOnlyList<string> Parents,
    [property: Id(11)] string? Failure,
    [property: Id(12)] bool Shared,
    [property: Id(13)] DateTimeOffset CompletedAt);
