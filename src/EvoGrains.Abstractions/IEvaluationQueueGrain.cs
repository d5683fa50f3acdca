using EvoGrains.Core.Search;
using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// A search's jobs with leases (key: search id). It awaits no other grain: results leave as
/// one-way messages, so everything may call it without risking a cycle. Calls take and return
/// batches, so one message carries many jobs when evaluations are fast.
/// </summary>
/// <remarks>
/// Open jobs are persisted write-behind; leases and completed outcomes live in memory. After a
/// failover every open job waits again, and a job that completed but whose removal was not yet
/// written may train a second time; its owner counts it once. Islands re-request stale
/// evaluations and the search re-sends final jobs, so nothing is lost with the queue.
/// </remarks>
[Alias("evograins.IEvaluationQueueGrain")]
public interface IEvaluationQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Enqueues jobs, idempotent by job id. Returns the outcomes of those this activation already
    /// completed, by job id; search jobs among them are also delivered to their individual again.
    /// </summary>
    [Alias("EnqueueMany")]
    Task<IReadOnlyDictionary<string, EvaluationResult>> EnqueueManyAsync(
        IReadOnlyList<EvaluationJob> jobs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a trainer's finished jobs (the first completion of a job counts; later ones are
    /// counted as duplicates and ignored), then leases up to <paramref name="wanted"/> of the oldest
    /// waiting jobs to it. An empty answer puts the trainer on the idle list: it is told when work arrives.
    /// </summary>
    [Alias("CompleteAndLease")]
    Task<IReadOnlyList<JobLease>> CompleteAndLeaseAsync(
        string trainerId,
        IReadOnlyList<JobResult> finished,
        int wanted);

    /// <summary>
    /// Extends the trainer's leases; returns the ids it still holds (the others expired and were re-queued, or
    /// completed elsewhere).
    /// </summary>
    [Alias("Heartbeat")]
    Task<IReadOnlyList<string>> HeartbeatAsync(string trainerId, IReadOnlyList<string> jobIds);

    /// <summary>
    /// Puts leased jobs back at the front of the queue at once (graceful trainer shutdown, benched trainer).
    /// </summary>
    [Alias("Release")]
    Task ReleaseAsync(string trainerId, IReadOnlyList<string> jobIds);

    /// <summary>
    /// Drops every open job of one kind, queued or running; the trainers running one are told at once to stop it
    /// (one-way), so they are free for other work. Returns how many were running.
    /// </summary>
    [Alias("Drop")]
    Task<int> DropAsync(JobKind kind, CancellationToken cancellationToken = default);

    [Alias("GetStatistics"), ReadOnly]
    Task<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
