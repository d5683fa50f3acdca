using EvoGrains.Abstractions;
using EvoGrains.Grains.Resilience;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// A trainer's calls to its search's queue: leasing (with the outcomes of the last batch), heartbeats that withdraw
/// jobs whose lease was lost, and hand-backs. Queue calls retry through the resilience pipeline; the calls made
/// while a trainer winds down only log when they fail, because the leases expire and the jobs train again.
/// </summary>
internal sealed partial class TrainerMessenger(
    IGrainFactory grains,
    TrainerResilience resilience,
    ILogger logger,
    string trainerId)
{
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<JobLease>> CompleteAndLeaseAsync(
        TrainerAssignment held,
        IReadOnlyList<JobResult> finished,
        int wanted) =>
        await resilience.QueueCalls.ExecuteAsync(
            async _ => await Queue(held).CompleteAndLeaseAsync(trainerId, finished, wanted));

    public async Task ReleaseAsync(TrainerAssignment held, IReadOnlyList<string> jobIds) =>
        await resilience.QueueCalls.ExecuteAsync(async _ => await Queue(held).ReleaseAsync(trainerId, jobIds));

    /// <summary>A stopping silo hands its jobs back at once instead of letting the leases run out.</summary>
    public async Task ReleaseWhileDeactivatingAsync(
        TrainerAssignment held,
        IReadOnlyList<string> jobIds,
        CancellationToken cancellationToken)
    {
        try
        {
            await Queue(held).ReleaseAsync(trainerId, jobIds).WaitAsync(ReleaseTimeout, cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogReleaseFailed(logger, error, jobIds.Count, trainerId);
        }
    }

    /// <summary>Reports what the job loop finished before it ended.</summary>
    public async Task ReportLeftoversAsync(TrainerAssignment held, IReadOnlyList<JobResult> finished)
    {
        try
        {
            await Queue(held).CompleteAndLeaseAsync(trainerId, finished, wanted: 0);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Their leases expire and the jobs train again; the owners count them once.
            LogLeftoversFailed(logger, error, finished.Count, trainerId);
        }
    }

    /// <summary>
    /// Heartbeats the unfinished jobs and withdraws those re-queued (expired) or finished by another trainer.
    /// </summary>
    public async Task HeartbeatAsync(TrainerAssignment held, JobBatch batch)
    {
        var unfinished = batch.Unfinished;
        try
        {
            var kept = (await Queue(held).HeartbeatAsync(trainerId, unfinished)).ToHashSet(StringComparer.Ordinal);
            foreach (var jobId in unfinished.Where(id => !kept.Contains(id)))
            {
                batch.Withdraw(jobId);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The queue may be failing over; keep training and let the next heartbeat decide.
            LogHeartbeatFailed(logger, error, unfinished.Count, trainerId);
        }
    }

    private IEvaluationQueueGrain Queue(TrainerAssignment held) =>
        grains.GetGrain<IEvaluationQueueGrain>(held.SearchId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Trainer {Trainer} could not release {Count} jobs while deactivating; their leases will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception error, int count, string trainer);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Trainer {Trainer} could not report {Count} finished jobs; their leases will expire")]
    private static partial void LogLeftoversFailed(ILogger logger, Exception error, int count, string trainer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat for {Count} jobs from trainer {Trainer} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception error, int count, string trainer);
}
