namespace EvoGrains.Core.Search.Queue;

/// <summary>
/// A queue's lifetime counters. BusySeconds sums lease-to-completion wall time of accepted completions.
/// </summary>
public sealed record QueueCounters
{
    public long Enqueued { get; init; }

    public long Completed { get; init; }

    public long Requeued { get; init; }

    public long Released { get; init; }

    public long DuplicateCompletions { get; init; }

    public double BusySeconds { get; init; }
}
