namespace EvoGrains.Abstractions;

/// <summary>
/// Counters of a search's evaluation queue. BusySeconds sums lease-to-completion wall time of accepted completions.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.queue-statistics")]
public sealed record QueueStatistics(
    [property: Id(0)] int Queued,
    [property: Id(1)] int Leased,
    [property: Id(2)] long Enqueued,
    [property: Id(3)] long Completed,
    [property: Id(4)] long Requeued,
    [property: Id(5)] long Released,
    [property: Id(6)] long DuplicateCompletions,
    [property: Id(7)] double BusySeconds);
