using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Queue;

/// <summary>
/// Open jobs with their leases, the order of the waiting ones, and the outcome of every completed
/// job (kept so a repeated enqueue is answered from here instead of training again).
/// </summary>
[GenerateSerializer, Alias("evograins.evaluation-queue-state")]
public sealed class EvaluationQueueState
{
    [Id(0)]
    public Dictionary<string, QueuedJob> Jobs { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public List<string> Waiting { get; set; } = [];

    [Id(2)]
    public Dictionary<string, EvaluationOutcome> Completed { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public long Enqueued { get; set; }

    [Id(4)]
    public long Requeued { get; set; }

    [Id(5)]
    public long Released { get; set; }

    [Id(6)]
    public long DuplicateCompletions { get; set; }

    [Id(7)]
    public double BusySeconds { get; set; }
}
