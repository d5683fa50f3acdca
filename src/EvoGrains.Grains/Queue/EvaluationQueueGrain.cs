using EvoGrains.Abstractions;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace EvoGrains.Grains.Queue;

/// <summary>
/// FIFO of a search's jobs with leases. Expired leases go back to the front of the queue (checked
/// once a second). Completion is idempotent by job id. Results leave as one-way messages, so this
/// grain never waits on another grain, and state is written behind (see <see cref="IEvaluationQueueGrain"/>).
/// </summary>
/// <remarks>
/// Reentrant for throughput: no method awaits anything, so every call runs to completion in one
/// turn and calls cannot observe each other's half-made changes.
/// </remarks>
[Reentrant]
public sealed partial class EvaluationQueueGrain(
    [PersistentState("queue", EvoGrainsStorage.ProviderName)] IPersistentState<EvaluationQueueState> state,
    EvoGrainsMetrics metrics,
    ILogger<EvaluationQueueGrain> logger)
    : Grain, IEvaluationQueueGrain
{
    private const int RememberedOutcomes = 100_000;
    private static readonly TimeSpan ExpiryCheckPeriod = TimeSpan.FromSeconds(1);

    // Nothing waits on these writes (see the interface), so they can be rare: one per 100 ms at most.
    private static readonly TimeSpan WriteSpacing = TimeSpan.FromMilliseconds(100);

    private readonly LinkedList<string> waiting = new();
    private readonly Dictionary<string, LeaseRecord> leases = new(StringComparer.Ordinal);
    private readonly CompletedOutcomes completed = new(RememberedOutcomes);

    // Trainers that found the queue empty, oldest first; told when work arrives so they need not poll fast.
    private readonly List<string> idleTrainers = [];

    private GroupCommit? commit;
    private bool dirty;

    private EvaluationQueueState Queue => state.State;

    private string SearchId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Leases are not persisted: after a failover every open job waits again.
        foreach (var jobId in Queue.Jobs.Keys)
        {
            waiting.AddLast(jobId);
        }

        this.RegisterGrainTimer(CheckLeasesAsync, ExpiryCheckPeriod, ExpiryCheckPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.QueueGone(SearchId);
        if (dirty)
        {
            await WriteAsync();
        }
    }

    public Task<IReadOnlyDictionary<string, EvaluationOutcome>> EnqueueManyAsync(IReadOnlyList<EvaluationJob> jobs)
    {
        var known = new Dictionary<string, EvaluationOutcome>(StringComparer.Ordinal);
        var added = 0;
        foreach (var job in jobs)
        {
            if (completed.TryGet(job.JobId, out var outcome))
            {
                known[job.JobId] = outcome;
                Deliver(job, outcome);
            }
            else if (Queue.Jobs.TryAdd(job.JobId, new QueuedJob { Job = job }))
            {
                waiting.AddLast(job.JobId);
                Queue.Enqueued++;
                added++;
            }
        }

        if (added > 0)
        {
            WriteBehind();
            WakeIdleTrainers(added);
        }

        return Task.FromResult<IReadOnlyDictionary<string, EvaluationOutcome>>(known);
    }

    public Task<IReadOnlyList<JobLease>> CompleteAndLeaseAsync(string trainerId, IReadOnlyList<JobResult> finished, int wanted)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var result in finished)
        {
            Complete(result, now);
        }

        var granted = new List<JobLease>(Math.Min(wanted, waiting.Count));
        while (granted.Count < wanted && waiting.First is { } first)
        {
            waiting.RemoveFirst();
            if (!Queue.Jobs.TryGetValue(first.Value, out var queued) || leases.ContainsKey(first.Value))
            {
                continue;
            }

            var lease = new LeaseRecord(trainerId, now, now + LeaseLength(queued.Job));
            leases[first.Value] = lease;
            queued.Attempts++;
            granted.Add(new JobLease(queued.Job, queued.Attempts, lease.ExpiresAt));
        }

        if (granted.Count > 0)
        {
            idleTrainers.Remove(trainerId);
        }
        else if (wanted > 0 && !idleTrainers.Contains(trainerId))
        {
            idleTrainers.Add(trainerId);
        }

        return Task.FromResult<IReadOnlyList<JobLease>>(granted);
    }

    public Task<IReadOnlyList<string>> HeartbeatAsync(string trainerId, IReadOnlyList<string> jobIds)
    {
        var now = DateTimeOffset.UtcNow;
        var held = new List<string>(jobIds.Count);
        foreach (var jobId in jobIds)
        {
            if (leases.TryGetValue(jobId, out var lease) && lease.TrainerId == trainerId && Queue.Jobs.TryGetValue(jobId, out var queued))
            {
                lease.ExpiresAt = now + LeaseLength(queued.Job);
                held.Add(jobId);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(held);
    }

    public Task ReleaseAsync(string trainerId, IReadOnlyList<string> jobIds)
    {
        // Reversed so the released jobs keep their order at the front of the queue.
        var released = 0;
        foreach (var jobId in jobIds.Reverse())
        {
            if (leases.TryGetValue(jobId, out var lease) && lease.TrainerId == trainerId)
            {
                leases.Remove(jobId);
                waiting.AddFirst(jobId);
                Queue.Released++;
                released++;
            }
        }

        if (released > 0)
        {
            WriteBehind();
            WakeIdleTrainers(released);
        }

        return Task.CompletedTask;
    }

    public Task DropQueuedAsync(JobKind kind)
    {
        var dropped = 0;
        for (var node = waiting.First; node is not null;)
        {
            var next = node.Next;
            if (Queue.Jobs.TryGetValue(node.Value, out var queued) && !leases.ContainsKey(node.Value) && queued.Job.Kind == kind)
            {
                Queue.Jobs.Remove(node.Value);
                waiting.Remove(node);
                dropped++;
            }

            node = next;
        }

        if (dropped > 0)
        {
            WriteBehind();
        }

        return Task.CompletedTask;
    }

    public Task<QueueStatistics> GetStatisticsAsync() => Task.FromResult(new QueueStatistics(
        Queue.Jobs.Count - leases.Count,
        leases.Count,
        Queue.Enqueued,
        Queue.Completed,
        Queue.Requeued,
        Queue.Released,
        Queue.DuplicateCompletions,
        Queue.BusySeconds));

    private static TimeSpan LeaseLength(EvaluationJob job) => TimeSpan.FromSeconds(Math.Max(1, job.LeaseSeconds));

    private void Complete(JobResult result, DateTimeOffset now)
    {
        if (completed.Contains(result.JobId))
        {
            Queue.DuplicateCompletions++;
            return;
        }

        // A job dropped at the budget (or by cancellation) has nobody left to tell.
        if (!Queue.Jobs.Remove(result.JobId, out var queued))
        {
            return;
        }

        // A job completes whoever trains it: after a failover or an expired lease the first result wins.
        Queue.BusySeconds += leases.Remove(result.JobId, out var lease) ? (now - lease.LeasedAt).TotalSeconds : result.Outcome.Seconds;
        Queue.Completed++;
        completed.Add(result.JobId, result.Outcome);
        WriteBehind();
        Deliver(queued.Job, result.Outcome);
    }

    private Task CheckLeasesAsync()
    {
        metrics.QueueDepth(SearchId, Queue.Jobs.Count - leases.Count);
        var now = DateTimeOffset.UtcNow;
        var expired = leases.Where(l => l.Value.ExpiresAt < now).Select(l => l.Key).ToList();
        foreach (var jobId in expired)
        {
            leases.Remove(jobId);
            waiting.AddFirst(jobId);
            Queue.Requeued++;
        }

        if (expired.Count > 0 || dirty)
        {
            WriteBehind();
            WakeIdleTrainers(expired.Count);
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes without making anyone wait; changes made meanwhile go out together in the next write.</summary>
    private void WriteBehind()
    {
        dirty = true;
        _ = WriteAsync();
    }

    private async Task WriteAsync()
    {
        commit ??= new GroupCommit(
            () =>
            {
                dirty = false;
                return state.WriteStateAsync();
            },
            WriteSpacing);
        try
        {
            await commit.CommitAsync();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Still dirty: the next change or the lease check writes again.
            dirty = true;
            LogWriteFailed(logger, error, SearchId);
        }
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
        // One-way: a lost delivery is repaired when the owner re-enqueues and gets the remembered outcome.
        _ = job.Kind == JobKind.Search
            ? GrainFactory.GetGrain<IIndividualGrain>(GrainKeys.Individual(SearchId, job.Subject)).OnEvaluatedAsync(outcome)
            : GrainFactory.GetGrain<ISearchGrain>(SearchId).OnFinalResultAsync(job.JobId, outcome);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation queue {SearchId}: writing its state failed; it is written again with the next change")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, string searchId);
}
