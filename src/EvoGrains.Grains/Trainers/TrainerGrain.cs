using System.Collections.Concurrent;
using System.Text.Json;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Evaluation;
using EvoGrains.Grains.Placement;
using EvoGrains.Grains.Resilience;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Polly;
using Polly.CircuitBreaker;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// Pulls one job at a time from its search's queue, trains it on a dedicated thread (never on the
/// Orleans scheduler), heartbeats the lease while it runs and reports the outcome. It holds no
/// persistent state: leases live in the queue and the search re-sends the assignment every second,
/// which also reactivates a trainer whose silo died.
/// </summary>
// Reentrant so heartbeats, pokes and stop requests are served while a job runs; the job loop is guarded by 'busy'.
[Reentrant]
[GpuTrainerPlacement]
public sealed partial class TrainerGrain(IServiceProvider services, TrainerResilience resilience, EvoGrainsMetrics metrics, ILogger<TrainerGrain> logger)
    : Grain, ITrainerGrain
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    private readonly ResiliencePipeline<EvaluationResult> evaluation = resilience.CreateEvaluationPipeline();
    // Filled on the job threads (factories may load data sets), read on the next job's thread.
    private readonly ConcurrentDictionary<(int Steps, int Seed), IFitnessEvaluator> evaluators = new();
    private TrainerAssignment? assignment;
    private EvaluationSpec? evaluationSpec;
    private IEvaluatorFactory? factory;
    private IGrainTimer? poll;
    private JobLease? current;
    private CancellationTokenSource? currentCancellation;
    private DateTimeOffset benchedUntil;
    private bool busy;
    private bool workSignalled;
    private bool stopped;

    private string TrainerId => this.GetPrimaryKeyString();

    public Task StartAsync(TrainerAssignment assignment)
    {
        if (this.assignment?.EvaluationSpecJson != assignment.EvaluationSpecJson)
        {
            evaluationSpec = JsonSerializer.Deserialize<EvaluationSpec>(assignment.EvaluationSpecJson, SearchSpecJson.Options)
                ?? throw new ArgumentException("empty evaluation spec", nameof(assignment));
            factory = services.GetRequiredKeyedService<IEvaluatorFactory>(evaluationSpec.Evaluator);
            evaluators.Clear();
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
        currentCancellation?.Cancel();
        poll?.Dispose();
        poll = null;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stopped = true;
        metrics.TrainerGone(TrainerId);
        currentCancellation?.Cancel();

        // A stopping silo hands its job back at once instead of letting the lease run out.
        if (current is { } lease && assignment is { } held)
        {
            try
            {
                await Queue(held).ReleaseAsync(lease.Job.JobId, TrainerId).WaitAsync(ReleaseTimeout, cancellationToken);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogReleaseFailed(logger, error, lease.Job.JobId, TrainerId);
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

    private async Task RunJobsAsync()
    {
        busy = true;
        try
        {
            while (!stopped && assignment is { } held && DateTimeOffset.UtcNow >= benchedUntil)
            {
                var queue = Queue(held);
                workSignalled = false;
                var lease = await resilience.QueueCalls.ExecuteAsync(async _ => await queue.LeaseAsync(TrainerId));
                if (lease is null)
                {
                    if (workSignalled)
                    {
                        continue;
                    }

                    return;
                }

                if (stopped)
                {
                    // Stopped or deactivated while the lease was on its way: hand it straight back.
                    await resilience.QueueCalls.ExecuteAsync(async _ => await queue.ReleaseAsync(lease.Job.JobId, TrainerId));
                    return;
                }

                await RunAsync(queue, lease);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogLoopFailed(logger, error, TrainerId);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RunAsync(IEvaluationQueueGrain queue, JobLease lease)
    {
        using var cancellation = new CancellationTokenSource();
        current = lease;
        currentCancellation = cancellation;
        metrics.TrainerBusy(TrainerId, true);
        try
        {
            var job = lease.Job;
            var running = EvaluateOnDedicatedThreadAsync(job, cancellation.Token);
            var heartbeat = TimeSpan.FromSeconds(Math.Max(0.2, job.LeaseSeconds / 3.0));
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(heartbeat, CancellationToken.None));
                if (!running.IsCompleted && !await StillLeasedAsync(queue, job.JobId))
                {
                    // Re-queued (expired) or finished by another trainer: stop wasting the device.
                    await cancellation.CancelAsync();
                }
            }

            EvaluationOutcome outcome;
            try
            {
                outcome = EvaluationOutcome.From(await running, TrainerId);
            }
            catch (BrokenCircuitException broken)
            {
                benchedUntil = DateTimeOffset.UtcNow + (broken.RetryAfter ?? resilience.Options.BreakDuration);
                LogBenched(logger, TrainerId, benchedUntil);
                await resilience.QueueCalls.ExecuteAsync(async _ => await queue.ReleaseAsync(job.JobId, TrainerId));
                return;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Retries are spent: the candidate itself fails (or times out), and that is its result.
                outcome = EvaluationOutcome.Failed($"{error.GetType().Name}: {error.Message}", TrainerId);
            }

            metrics.EvaluationFinished((EvaluationStatus)outcome.Status, outcome.Seconds);
            await resilience.QueueCalls.ExecuteAsync(async _ => await queue.CompleteAsync(job.JobId, TrainerId, outcome));
        }
        finally
        {
            metrics.TrainerBusy(TrainerId, false);
            current = null;
            currentCancellation = null;
        }
    }

    private async Task<bool> StillLeasedAsync(IEvaluationQueueGrain queue, string jobId)
    {
        try
        {
            return await queue.HeartbeatAsync(jobId, TrainerId);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The queue may be failing over; keep training and let the next heartbeat decide.
            LogHeartbeatFailed(logger, error, jobId, TrainerId);
            return true;
        }
    }

    private Task<EvaluationResult> EvaluateOnDedicatedThreadAsync(EvaluationJob job, CancellationToken cancellationToken)
    {
        var loss = job.Loss.ToLoss();
        var pipeline = evaluation;
        var spec = evaluationSpec!;
        var evaluatorFactory = factory!;

        // LongRunning gives the job its own thread, and TaskScheduler.Default keeps it off the grain's
        // scheduler: training blocks for seconds to hours and must never stall other grains.
        return Task.Factory.StartNew(
            () => pipeline.ExecuteAsync(
                static async (state, token) => await state.evaluator.EvaluateAsync(state.loss, token),
                (evaluator: EvaluatorFor(spec, evaluatorFactory, job), loss),
                cancellationToken).AsTask().GetAwaiter().GetResult(),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private IFitnessEvaluator EvaluatorFor(EvaluationSpec spec, IEvaluatorFactory evaluatorFactory, EvaluationJob job)
    {
        var steps = job.Steps > 0 ? job.Steps : spec.Steps;
        return evaluators.GetOrAdd((steps, job.Seed), key => evaluatorFactory.Create(spec with { Steps = key.Steps }, key.Seed));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} could not release job {JobId} while deactivating; its lease will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception error, string jobId, string trainer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} job loop failed; the next poll restarts it")]
    private static partial void LogLoopFailed(ILogger logger, Exception error, string trainer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trainer {Trainer} keeps failing: benched until {Until}")]
    private static partial void LogBenched(ILogger logger, string trainer, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Heartbeat for job {JobId} from trainer {Trainer} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception error, string jobId, string trainer);
}
