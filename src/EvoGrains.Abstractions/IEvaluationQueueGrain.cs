using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// A search's jobs with leases (key: search id). It awaits no other grain: results leave as
/// one-way messages, so everything may call it without risking a cycle.
/// </summary>
[Alias("evograins.IEvaluationQueueGrain")]
public interface IEvaluationQueueGrain : IGrainWithStringKey
{
    /// <summary>Idempotent by job id: returns the outcome if that job already completed, else null (queued or running).</summary>
    [Alias("Enqueue")]
    Task<EvaluationOutcome?> EnqueueAsync(EvaluationJob job);

    /// <summary>Enqueues many; returns the outcomes of those that had already completed, by job id.</summary>
    [Alias("EnqueueMany")]
    Task<IReadOnlyDictionary<string, EvaluationOutcome>> EnqueueManyAsync(IReadOnlyList<EvaluationJob> jobs);

    /// <summary>The oldest queued job, leased to this trainer; null when none (the trainer is then told when one arrives).</summary>
    [Alias("Lease")]
    Task<JobLease?> LeaseAsync(string trainerId);

    /// <summary>Extends the lease; false when the trainer no longer holds it (expired and re-queued, or completed elsewhere).</summary>
    [Alias("Heartbeat")]
    Task<bool> HeartbeatAsync(string jobId, string trainerId);

    /// <summary>True for the first completion of a job; later ones are counted as duplicates and ignored.</summary>
    [Alias("Complete")]
    Task<bool> CompleteAsync(string jobId, string trainerId, EvaluationOutcome outcome);

    /// <summary>Puts a leased job back at the front of the queue at once (graceful trainer shutdown, benched trainer).</summary>
    [Alias("Release")]
    Task ReleaseAsync(string jobId, string trainerId);

    /// <summary>Drops queued (not leased) jobs of one kind; leased ones may still complete.</summary>
    [Alias("DropQueued")]
    Task DropQueuedAsync(JobKind kind);

    [Alias("GetStatistics"), ReadOnly]
    Task<QueueStatistics> GetStatisticsAsync();
}
