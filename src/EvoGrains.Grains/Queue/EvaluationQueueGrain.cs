using EvoGrains.Abstractions;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Telemetry;
using Orleans.Concurrency;

namespace EvoGrains.Grains.Queue;

/// <summary>
/// FIFO of a search's jobs with leases. Expired leases go back to the front of the queue (checked
/// on every lease call and once a second). Completion is idempotent by job id. Results leave as
/// one-way messages, so this grain never waits on another grain.
/// </summary>
/// <remarks>
/// Reentrant for throughput: every method changes state synchronously before its only await (the
/// group commit), so interleaving cannot observe half-made changes, and concurrent calls share writes.
/// </remarks>
[Reentrant]
public sealed class EvaluationQueueGrain(
    [PersistentState("queue", EvoGrainsStorage.ProviderName)] IPersistentState<EvaluationQueueState> state,
    EvoGrainsMetrics metrics)
    : Grain, IEvaluationQueueGrain
{
    private static readonly TimeSpan ExpiryCheckPeriod = TimeSpan.FromSeconds(1);

    // Trainers that found the queue empty, oldest first; told when work arrives so they need not poll fast.
    private readonly List<string> idleTrainers = [];

    private readonly GroupCommit commit = new(state.WriteStateAsync);

    private EvaluationQueueState Queue => state.State;

    private string SearchId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ExpireLeasesAsync, ExpiryCheckPeriod, ExpiryCheckPeriod);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.QueueGone(SearchId);
        return Task.CompletedTask;
    }

    public async Task<EvaluationOutcome?> EnqueueAsync(EvaluationJob job)
    {
        var known = await EnqueueManyAsync([job]);
        return known.GetValueOrDefault(job.JobId);
    }

    public async Task<IReadOnlyDictionary<string, EvaluationOutcome>> EnqueueManyAsync(IReadOnlyList<EvaluationJob> jobs)
    {
        var known = new Dictionary<string, EvaluationOutcome>(StringComparer.Ordinal);
        var added = 0;
        foreach (var job in jobs)
        {
            if (Queue.Completed.TryGetValue(job.JobId, out var outcome))
            {
                known[job.JobId] = outcome;
            }
            else if (Queue.Jobs.TryAdd(job.JobId, new QueuedJob { Job = job }))
            {
                Queue.Waiting.Add(job.JobId);
                Queue.Enqueued++;
                added++;
            }
        }

        if (added > 0)
        {
            await commit.CommitAsync();
            WakeIdleTrainers(added);
        }

        return known;
    }

    public async Task<JobLease?> LeaseAsync(string trainerId)
    {
        var now = DateTimeOffset.UtcNow;
        RequeueExpired(now);
        while (Queue.Waiting.Count > 0)
        {
            var jobId = Queue.Waiting[0];
            Queue.Waiting.RemoveAt(0);
            if (!Queue.Jobs.TryGetValue(jobId, out var queued) || queued.TrainerId is not null)
            {
                continue;
            }

            queued.TrainerId = trainerId;
            queued.LeasedAt = now;
            queued.LeaseExpiresAt = now + LeaseLength(queued.Job);
            queued.Attempts++;
            idleTrainers.Remove(trainerId);
            await commit.CommitAsync();
            return new JobLease(queued.Job, queued.Attempts, queued.LeaseExpiresAt);
        }

        if (!idleTrainers.Contains(trainerId))
        {
            idleTrainers.Add(trainerId);
        }

        return null;
    }

    // Lease extensions are not persisted: after a queue failover a lease may expire early, which
    // at worst trains a job twice; completion stays idempotent.
    public Task<bool> HeartbeatAsync(string jobId, string trainerId)
    {
        if (Queue.Jobs.TryGetValue(jobId, out var queued) && queued.TrainerId == trainerId)
        {
            queued.LeaseExpiresAt = DateTimeOffset.UtcNow + LeaseLength(queued.Job);
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public async Task<bool> CompleteAsync(string jobId, string trainerId, EvaluationOutcome outcome)
    {
        if (Queue.Completed.ContainsKey(jobId))
        {
            Queue.DuplicateCompletions++;
            return false;
        }

        // A job dropped at the budget (or by cancellation) has nobody left to tell.
        if (!Queue.Jobs.Remove(jobId, out var queued))
        {
            return false;
        }

        Queue.Waiting.Remove(jobId);
        Queue.Completed[jobId] = outcome;
        Queue.BusySeconds += queued.TrainerId is null ? outcome.Seconds : (DateTimeOffset.UtcNow - queued.LeasedAt).TotalSeconds;
        await commit.CommitAsync();
        Deliver(queued.Job, outcome);
        return true;
    }

    public async Task ReleaseAsync(string jobId, string trainerId)
    {
        if (Queue.Jobs.TryGetValue(jobId, out var queued) && queued.TrainerId == trainerId)
        {
            queued.TrainerId = null;
            Queue.Waiting.Insert(0, jobId);
            Queue.Released++;
            await commit.CommitAsync();
            WakeIdleTrainers(1);
        }
    }

    public async Task DropQueuedAsync(JobKind kind)
    {
        var dropped = Queue.Waiting.Where(id => Queue.Jobs.TryGetValue(id, out var queued) && queued.TrainerId is null && queued.Job.Kind == kind).ToHashSet(StringComparer.Ordinal);
        if (dropped.Count == 0)
        {
            return;
        }

        Queue.Waiting.RemoveAll(dropped.Contains);
        foreach (var id in dropped)
        {
            Queue.Jobs.Remove(id);
        }

        await commit.CommitAsync();
    }

    public Task<QueueStatistics> GetStatisticsAsync()
    {
        var leased = Queue.Jobs.Values.Count(j => j.TrainerId is not null);
        return Task.FromResult(new QueueStatistics(
            Queue.Jobs.Count - leased,
            leased,
            Queue.Enqueued,
            Queue.Completed.Count,
            Queue.Requeued,
            Queue.Released,
            Queue.DuplicateCompletions,
            Queue.BusySeconds));
    }

    private static TimeSpan LeaseLength(EvaluationJob job) => TimeSpan.FromSeconds(Math.Max(1, job.LeaseSeconds));

    private async Task ExpireLeasesAsync()
    {
        metrics.QueueDepth(SearchId, Queue.Waiting.Count);
        if (RequeueExpired(DateTimeOffset.UtcNow) is var requeued and > 0)
        {
            await commit.CommitAsync();
            WakeIdleTrainers(requeued);
        }
    }

    private int RequeueExpired(DateTimeOffset now)
    {
        var expired = Queue.Jobs.Values.Where(j => j.TrainerId is not null && j.LeaseExpiresAt < now).ToList();
        foreach (var queued in expired)
        {
            queued.TrainerId = null;
            Queue.Waiting.Insert(0, queued.Job.JobId);
            Queue.Requeued++;
        }

        return expired.Count;
    }

    private void WakeIdleTrainers(int count)
    {
        var woken = idleTrainers.Take(count).ToList();
        idleTrainers.RemoveRange(0, woken.Count);
        foreach (var trainer in woken)
        {
            _ = GrainFactory.GetGrain<ITrainerGrain>(trainer).JobAvailableAsync();
        }
    }

    private void Deliver(EvaluationJob job, EvaluationOutcome outcome)
    {
        // One-way: a lost delivery is repaired when the owner re-enqueues and gets the stored outcome.
        _ = job.Kind == JobKind.Search
            ? GrainFactory.GetGrain<IIndividualGrain>(GrainKeys.Individual(SearchId, job.Subject)).OnEvaluatedAsync(outcome)
            : GrainFactory.GetGrain<ISearchGrain>(SearchId).OnFinalResultAsync(job.JobId, outcome);
    }
}
