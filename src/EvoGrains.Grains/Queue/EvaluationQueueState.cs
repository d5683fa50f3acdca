using EvoGrains.Abstractions;
using EvoGrains.Core.Search.Queue;

namespace EvoGrains.Grains.Queue;

/// <summary>
/// The open jobs and the counters. Small by design (bounded by the jobs in flight): leases and
/// completed outcomes are kept in memory, so every write stays cheap however long the search runs.
/// </summary>
[GenerateSerializer, Alias("evograins.evaluation-queue-state")]
public sealed class EvaluationQueueState
{
    [Id(0)]
    public Dictionary<string, QueuedJob> Jobs { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public long Enqueued { get; set; }

    [Id(2)]
    public long Completed { get; set; }

    [Id(3)]
    public long Requeued { get; set; }

    [Id(4)]
    public long Released { get; set; }

    [Id(5)]
    public long DuplicateCompletions { get; set; }

    [Id(6)]
    public double BusySeconds { get; set; }

    public IEnumerable<OpenJob<EvaluationJob>> OpenJobs() =>
        Jobs.Values.Select(j => new OpenJob<EvaluationJob>(j.Job, j.Attempts));

    public QueueCounters Counters() => new()
    {
        Enqueued = Enqueued, Completed = Completed, Requeued = Requeued, Released = Released,
        DuplicateCompletions = DuplicateCompletions, BusySeconds = BusySeconds,
    };

    public void Capture(IEnumerable<OpenJob<EvaluationJob>> open, QueueCounters counters)
    {
        Jobs = open.ToDictionary(
            j => j.Job.JobId, j => new QueuedJob { Job = j.Job, Attempts = j.Attempts }, StringComparer.Ordinal);
        (Enqueued, Completed, Requeued, Released) =
            (counters.Enqueued, counters.Completed, counters.Requeued, counters.Released);
        (DuplicateCompletions, BusySeconds) = (counters.DuplicateCompletions, counters.BusySeconds);
    }
}
