using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Queue;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace EvoGrains.Grains.Queue;

/// <summary>
/// A search's jobs with leases; <see cref="JobQueueBook{TJob, TOutcome}"/> decides (order, leases,
/// expiry, idempotent completion). This grain checks expiry once a second, delivers results as
/// one-way messages, wakes idle trainers and writes its state behind (see <see cref="IEvaluationQueueGrain"/>).
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

    private JobQueueBook<EvaluationJob, EvaluationResult> book = null!;
    private GroupCommit? commit;
    private bool dirty;

    private string SearchId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        book = new JobQueueBook<EvaluationJob, EvaluationResult>(
            job => job.JobId, job => TimeSpan.FromSeconds(Math.Max(1, job.LeaseSeconds)), RememberedOutcomes,
            state.State.OpenJobs(), state.State.Counters());
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

    public Task<IReadOnlyDictionary<string, EvaluationResult>> EnqueueManyAsync(
        IReadOnlyList<EvaluationJob> jobs, CancellationToken cancellationToken = default)
    {
        var (known, added) = book.Enqueue(jobs);
        foreach (var (job, outcome) in known)
        {
            Deliver(job, outcome);
        }

        if (added > 0)
        {
            Changed(added);
        }

        return Task.FromResult<IReadOnlyDictionary<string, EvaluationResult>>(known.ToDictionary(
            k => k.Job.JobId, k => k.Outcome, StringComparer.Ordinal));
    }

    public Task<IReadOnlyList<JobLease>> CompleteAndLeaseAsync(
        string trainerId,
        IReadOnlyList<JobResult> finished,
        int wanted)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var result in finished)
        {
            if (book.Complete(result.JobId, result.Outcome, result.Outcome.Seconds, now) is { } job)
            {
                Changed(0);
                Deliver(job, result.Outcome);
            }
            else
            {
                dirty = true;
            }
        }

        var granted = book.Lease(trainerId, wanted, now);
        return Task.FromResult<IReadOnlyList<JobLease>>(
            granted.Select(l => new JobLease(l.Job, l.Attempt, l.ExpiresAt)).ToList());
    }

    public Task<IReadOnlyList<string>> HeartbeatAsync(string trainerId, IReadOnlyList<string> jobIds) =>
        Task.FromResult(book.Heartbeat(trainerId, jobIds, DateTimeOffset.UtcNow));

    public Task ReleaseAsync(string trainerId, IReadOnlyList<string> jobIds)
    {
        if (book.Release(trainerId, jobIds) is > 0 and var released)
        {
            Changed(released);
        }

        return Task.CompletedTask;
    }

    public Task<int> DropAsync(JobKind kind, CancellationToken cancellationToken = default)
    {
        var running = book.Drop(job => job.Kind == kind);
        foreach (var trainer in running.GroupBy(r => r.TrainerId, r => r.JobId))
        {
            _ = GrainFactory.GetGrain<ITrainerGrain>(trainer.Key).WithdrawAsync([.. trainer]);
        }

        Changed(0);
        return Task.FromResult(running.Count);
    }

    public Task<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var counters = book.Counters;
        return Task.FromResult(new QueueStatistics(
            book.Queued, book.Leased, counters.Enqueued, counters.Completed, counters.Requeued, counters.Released,
            counters.DuplicateCompletions, counters.BusySeconds));
    }

    private Task CheckLeasesAsync()
    {
        metrics.QueueDepth(SearchId, book.Queued);
        var expired = book.ExpireLeases(DateTimeOffset.UtcNow);
        if (expired > 0 || dirty)
        {
            Changed(expired);
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes behind and wakes one idle trainer per job that became available.</summary>
    private void Changed(int newlyWaiting)
    {
        dirty = true;
        _ = WriteAsync();
        foreach (var trainer in book.TakeIdleTrainers(newlyWaiting))
        {
            _ = GrainFactory.GetGrain<ITrainerGrain>(trainer).JobAvailableAsync();
        }
    }

    /// <summary>Changes made while a write travels go out together in the next one; nobody waits for it.</summary>
    private async Task WriteAsync()
    {
        commit ??= new GroupCommit(
            () =>
            {
                dirty = false;
                state.State.Capture(book.OpenJobs, book.Counters);
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

    private void Deliver(EvaluationJob job, EvaluationResult outcome)
    {
        // One-way: a lost delivery is repaired when the owner re-enqueues and gets the remembered outcome.
        _ = job.Kind == JobKind.Search
            ? GrainFactory.GetGrain<IIndividualGrain>(GrainKeys.Individual(SearchId, job.Subject))
                .OnEvaluatedAsync(outcome)
            : GrainFactory.GetGrain<ISearchGrain>(SearchId).OnFinalResultAsync(job.JobId, outcome);
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Evaluation queue {SearchId}: writing its state failed; it is written again with the next change")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, string searchId);
}
