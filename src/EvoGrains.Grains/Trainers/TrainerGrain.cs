using EvoGrains.Abstractions;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Placement;
using EvoGrains.Grains.Resilience;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Polly;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// Leases jobs from its search's queue in batches sized to about <see cref="JobBatch.Target"/> of work
/// (at least one pack of <c>trainers.packSize</c> jobs), hands them pack by pack to the evaluator (which
/// trains off the Orleans scheduler), heartbeats the leases while they run and reports the outcomes
/// with the next lease request. It holds no persistent state: leases live in the queue and the search re-sends the
/// assignment every second, which also reactivates a trainer whose silo died.
/// </summary>
// Reentrant so heartbeats, pokes and stop requests are served while a batch runs; the job loop is guarded by 'busy'.
[Reentrant]
[GpuTrainerPlacement]
public sealed partial class TrainerGrain(
    IServiceProvider services,
    TrainerResilience resilience,
    EvoGrainsMetrics metrics,
    ILogger<TrainerGrain> logger)
    : Grain, ITrainerGrain
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);

    private readonly ResiliencePipeline<IReadOnlyList<EvaluationResult>> evaluation =
        resilience.CreateEvaluationPipeline();
    private TrainerMessenger? messenger;
    private TrainerAssignment? assignment;
    private EvaluatorCache? evaluators;
    private IGrainTimer? poll;
    private JobBatch? current;

    // Withdrawals that arrive while a lease is on its way name jobs no batch holds yet; the batch they arrive in
    // applies them.
    private readonly HashSet<string> withdrawnBeforeBatch = new(StringComparer.Ordinal);
    private TimeSpan meanJobTime;
    private DateTimeOffset benchedUntil;
    private bool busy;
    private bool workSignalled;
    private bool stopped;

    private string TrainerId => this.GetPrimaryKeyString();

    private TrainerMessenger Messenger =>
        messenger ??= new TrainerMessenger(GrainFactory, resilience, logger, TrainerId);

    public Task StartAsync(TrainerAssignment assignment)
    {
        if (evaluators?.Spec != assignment.Evaluation)
        {
            evaluators = new EvaluatorCache(
                services.GetRequiredKeyedService<IEvaluatorFactory>(assignment.Evaluation.Evaluator),
                assignment.Evaluation);
            meanJobTime = TimeSpan.Zero;
        }

        this.assignment = assignment;
        stopped = false;
        poll ??= this.RegisterGrainTimer(
            _ => { Kick(); return Task.CompletedTask; },
            new GrainTimerCreationOptions(PollPeriod, PollPeriod) { Interleave = true, KeepAlive = true });
        Kick();
        return Task.CompletedTask;
    }

    public Task JobAvailableAsync()
    {
        Kick();
        return Task.CompletedTask;
    }

    public Task WithdrawAsync(IReadOnlyList<string> jobIds)
    {
        foreach (var jobId in jobIds)
        {
            current?.Withdraw(jobId);
            withdrawnBeforeBatch.Add(jobId);
        }

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
        if (current is { } batch && assignment is { } held && batch.Unfinished is { Count: > 0 } unfinished)
        {
            await Messenger.ReleaseWhileDeactivatingAsync(held, unfinished, cancellationToken);
        }
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

    private async Task RunJobsAsync()
    {
        busy = true;
        IReadOnlyList<JobResult> finished = [];
        try
        {
            while (!stopped && assignment is { } held && DateTimeOffset.UtcNow >= benchedUntil)
            {
                workSignalled = false;
                var leases = await Messenger.CompleteAndLeaseAsync(
                    held, finished, JobBatch.LeaseSize(meanJobTime, held.PackSize));
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
                    await Messenger.ReleaseAsync(held, leases.Select(l => l.Job.JobId).ToList());
                    return;
                }

                finished = await RunBatchAsync(held, leases);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogLoopFailed(logger, error, TrainerId);
        }
        finally
        {
            busy = false;
            if (finished.Count > 0 && assignment is { } held)
            {
                await Messenger.ReportLeftoversAsync(held, finished);
            }
        }
    }

    private async Task<IReadOnlyList<JobResult>> RunBatchAsync(TrainerAssignment held, IReadOnlyList<JobLease> leases)
    {
        using var batch = new JobBatch(leases, TrainerId, held.PackSize);
        foreach (var jobId in leases.Select(l => l.Job.JobId).Where(withdrawnBeforeBatch.Contains))
        {
            batch.Withdraw(jobId);
        }

        // The queue leases no job after withdrawing it, so what this batch did not hold is already finished elsewhere.
        withdrawnBeforeBatch.Clear();
        current = batch;
        metrics.TrainerBusy(TrainerId, true);
        try
        {
            var heartbeat = TimeSpan.FromSeconds(Math.Max(0.2, leases.Min(l => l.Job.LeaseSeconds) / 3.0));
            await batch.RunAsync(EvaluatePackAsync, () => Messenger.HeartbeatAsync(held, batch), heartbeat);
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
                await Messenger.ReleaseAsync(held, unfinished);
            }

            return batch.Results;
        }
        finally
        {
            metrics.TrainerBusy(TrainerId, false);
            current = null;
        }
    }

    /// <summary>
    /// One pack through the resilience pipeline; a pack's jobs train alike, so one evaluator serves it.
    /// </summary>
    private Task<IReadOnlyList<EvaluationResult>> EvaluatePackAsync(
        IReadOnlyList<EvaluationJob> jobs, IReadOnlyList<EvaluationCandidate> candidates, CancellationToken token) =>
        evaluation.ExecuteAsync(
            static async (state, token) => await state.evaluator.EvaluateBatchAsync(state.candidates, token),
            (evaluator: evaluators!.For(jobs[0]), candidates),
            token).AsTask();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} job loop failed; the next poll restarts it")]
    private static partial void LogLoopFailed(ILogger logger, Exception error, string trainer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} keeps failing: benched until {Until}")]
    private static partial void LogBenched(ILogger logger, string trainer, DateTimeOffset until);
}
