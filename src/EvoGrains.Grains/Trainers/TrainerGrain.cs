using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Evaluation;
using EvoGrains.Grains.Placement;
using EvoGrains.Grains.Resilience;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Polly;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// Leases jobs from its search's queue in batches sized to about <see cref="BatchTarget"/> of work
/// (at least one pack of <c>trainers.packSize</c> jobs), hands them pack by pack to the evaluator (which
/// trains off the Orleans scheduler), heartbeats the leases while they run and reports the outcomes
/// with the next lease request. It holds no persistent state: leases live in the queue and the search re-sends the
/// assignment every second, which also reactivates a trainer whose silo died.
/// </summary>
// Reentrant so heartbeats, pokes and stop requests are served while a batch runs; the job loop is guarded by 'busy'.
[Reentrant]
[GpuTrainerPlacement]
public sealed partial class TrainerGrain(IServiceProvider services, TrainerResilience resilience, EvoGrainsMetrics metrics, ILogger<TrainerGrain> logger)
    : Grain, ITrainerGrain
{
    private const int MaxBatchJobs = 64;
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    private readonly ResiliencePipeline<IReadOnlyList<EvaluationResult>> evaluation = resilience.CreateEvaluationPipeline();
    private readonly Dictionary<(EvaluationSpec Spec, int Seed), IFitnessEvaluator> evaluators = [];
    private TrainerAssignment? assignment;
    private EvaluationSpec? evaluationSpec;
    private IEvaluatorFactory? factory;
    private IGrainTimer? poll;
    private JobBatch? current;
    private TimeSpan meanJobTime;
    private DateTimeOffset benchedUntil;
    private bool busy;
    private bool workSignalled;
    private bool stopped;

    private string TrainerId => this.GetPrimaryKeyString();

    public Task StartAsync(TrainerAssignment assignment)
    {
        if (this.assignment?.Evaluation != assignment.Evaluation)
        {
            evaluationSpec = assignment.Evaluation;
            factory = services.GetRequiredKeyedService<IEvaluatorFactory>(evaluationSpec.Evaluator);
            evaluators.Clear();
            meanJobTime = TimeSpan.Zero;
        }

        this.assignment = assignment;
        stopped = false;
        poll ??= this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(PollPeriod, PollPeriod) { Interleave = true, KeepAlive = true });
        Kick();
        return Task.CompletedTask;
    }

    public Task JobAvailableAsync()
    {
        Kick();
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        stopped = true;
        current?.Stop();
        poll?.Dispose();
        poll = null;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stopped = true;
        metrics.TrainerGone(TrainerId);
        current?.Stop();

        // A stopping silo hands its jobs back at once instead of letting the leases run out.
        if (current is { } batch && assignment is { } held && batch.Unfinished is { Count: > 0 } unfinished)
        {
            try
            {
                await Queue(held).ReleaseAsync(TrainerId, unfinished).WaitAsync(ReleaseTimeout, cancellationToken);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogReleaseFailed(logger, error, unfinished.Count, TrainerId);
            }
        }
    }

    private Task PollAsync(CancellationToken cancellationToken)
    {
        Kick();
        return Task.CompletedTask;
    }

    private void Kick()
    {
        // A signal that lands while the loop waits for an empty lease must not be lost: the queue
        // has already dropped this trainer from its idle list, so the loop has to ask again.
        workSignalled = true;
        if (!busy && !stopped && assignment is not null && DateTimeOffset.UtcNow >= benchedUntil)
        {
            _ = RunJobsAsync();
        }
    }

    private IEvaluationQueueGrain Queue(TrainerAssignment held) => GrainFactory.GetGrain<IEvaluationQueueGrain>(held.SearchId);

    /// <summary>As many jobs as fit in <see cref="BatchTarget"/> at the measured pace, and at least one pack.</summary>
    private int BatchSize()
    {
        var pack = assignment?.PackSize ?? 1;
        return meanJobTime <= TimeSpan.Zero ? pack : (int)Math.Clamp(BatchTarget / meanJobTime, pack, Math.Max(pack, MaxBatchJobs));
    }

    private async Task RunJobsAsync()
    {
        busy = true;
        IReadOnlyList<JobResult> finished = [];
        try
        {
            while (!stopped && assignment is { } held && DateTimeOffset.UtcNow >= benchedUntil)
            {
                var queue = Queue(held);
                workSignalled = false;
                var report = finished;
                var leases = await resilience.QueueCalls.ExecuteAsync(async _ => await queue.CompleteAndLeaseAsync(TrainerId, report, BatchSize()));
                finished = [];
                if (leases.Count == 0)
                {
                    if (workSignalled)
                    {
                        continue;
                    }

                    return;
                }

                if (stopped)
                {
                    // Stopped or deactivated while the leases were on their way: hand them straight back.
                    await resilience.QueueCalls.ExecuteAsync(async _ => await queue.ReleaseAsync(TrainerId, leases.Select(l => l.Job.JobId).ToList()));
                    return;
                }

                finished = await RunBatchAsync(queue, leases);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogLoopFailed(logger, error, TrainerId);
        }
        finally
        {
            busy = false;
            await ReportLeftoversAsync(finished);
        }
    }

    private async Task ReportLeftoversAsync(IReadOnlyList<JobResult> finished)
    {
        if (finished.Count == 0 || assignment is not { } held)
        {
            return;
        }

        try
        {
            await Queue(held).CompleteAndLeaseAsync(TrainerId, finished, wanted: 0);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Their leases expire and the jobs train again; the owners count them once.
            LogLoopFailed(logger, error, TrainerId);
        }
    }

    private async Task<IReadOnlyList<JobResult>> RunBatchAsync(IEvaluationQueueGrain queue, IReadOnlyList<JobLease> leases)
    {
        using var batch = new JobBatch(leases, TrainerId, assignment?.PackSize ?? 1);
        current = batch;
        metrics.TrainerBusy(TrainerId, true);
        try
        {
            var running = batch.RunAsync(EvaluatePackAsync);
            var heartbeat = TimeSpan.FromSeconds(Math.Max(0.2, leases.Min(l => l.Job.LeaseSeconds) / 3.0));
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(heartbeat, CancellationToken.None));
                if (!running.IsCompleted)
                {
                    await WithdrawLostLeasesAsync(queue, batch);
                }
            }

            await running;
            if (batch.MeanJobTime > TimeSpan.Zero)
            {
                meanJobTime = batch.MeanJobTime;
            }

            foreach (var result in batch.Results)
            {
                metrics.EvaluationFinished(result.Outcome.Status, result.Outcome.Seconds);
            }

            if (batch.Broken is { } broken)
            {
                benchedUntil = DateTimeOffset.UtcNow + (broken.RetryAfter ?? resilience.Options.BreakDuration);
                LogBenched(logger, TrainerId, benchedUntil);
            }

            // A benched or stopped trainer hands back what it did not run.
            if ((batch.Broken is not null || stopped) && batch.Unfinished is { Count: > 0 } unfinished)
            {
                await resilience.QueueCalls.ExecuteAsync(async _ => await queue.ReleaseAsync(TrainerId, unfinished));
            }

            return batch.Results;
        }
        finally
        {
            metrics.TrainerBusy(TrainerId, false);
            current = null;
        }
    }

    private async Task WithdrawLostLeasesAsync(IEvaluationQueueGrain queue, JobBatch batch)
    {
        var unfinished = batch.Unfinished;
        try
        {
            var held = (await queue.HeartbeatAsync(TrainerId, unfinished)).ToHashSet(StringComparer.Ordinal);

            // Re-queued (expired) or finished by another trainer: stop wasting the device on it.
            foreach (var jobId in unfinished.Where(id => !held.Contains(id)))
            {
                batch.Withdraw(jobId);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The queue may be failing over; keep training and let the next heartbeat decide.
            LogHeartbeatFailed(logger, error, unfinished.Count, TrainerId);
        }
    }

    /// <summary>One pack through the resilience pipeline; a pack shares steps and seed, so one evaluator serves it.</summary>
    private Task<IReadOnlyList<EvaluationResult>> EvaluatePackAsync(IReadOnlyList<EvaluationJob> jobs, IReadOnlyList<EvaluationCandidate> candidates, CancellationToken token) =>
        evaluation.ExecuteAsync(
            static async (state, token) => await state.evaluator.EvaluateBatchAsync(state.candidates, token),
            (evaluator: EvaluatorFor(jobs[0]), candidates),
            token).AsTask();

    private IFitnessEvaluator EvaluatorFor(EvaluationJob job)
    {
        var spec = evaluationSpec!;
        var effective = job.Kind == JobKind.Search
            ? spec.AtRung(job.Rung)
            : spec with { Steps = job.Steps, Seeds = 1, Rungs = [], TrainSubset = job.TrainSubset ?? spec.TrainSubset, MeasureOnTestSet = job.OnTestSet };
        var key = (Spec: effective, job.Seed);
        if (!evaluators.TryGetValue(key, out var evaluator))
        {
            evaluator = factory!.Create(key.Spec, key.Seed);
            evaluators[key] = evaluator;
        }

        return evaluator;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} could not release {Count} jobs while deactivating; their leases will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception error, int count, string trainer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} job loop failed; the next poll restarts it")]
    private static partial void LogLoopFailed(ILogger logger, Exception error, string trainer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} keeps failing: benched until {Until}")]
    private static partial void LogBenched(ILogger logger, string trainer, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat for {Count} jobs from trainer {Trainer} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception error, int count, string trainer);
}
