using System.Collections.Concurrent;
using System.Diagnostics;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Telemetry;
using Polly.CircuitBreaker;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// Leased jobs a trainer runs one after another on one dedicated thread. The grain withdraws a
/// job whose lease it lost (skipped, or cancelled if running) and reads what is still unfinished
/// for heartbeats and hand-backs while the thread works.
/// </summary>
internal sealed class JobBatch(IReadOnlyList<JobLease> leases, string trainerId) : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> withdrawn = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<JobResult> results = [];
    private CancellationTokenSource? running;
    private string? runningJobId;
    private int next;

    public IReadOnlyList<JobLease> Leases => leases;

    /// <summary>Outcomes in order; complete once <see cref="Run"/> has returned.</summary>
    public IReadOnlyList<JobResult> Results => results;

    /// <summary>Set when the trainer's circuit breaker opened: this job and the ones after it were not run.</summary>
    public BrokenCircuitException? Broken { get; private set; }

    /// <summary>Mean wall time of the jobs that ran, for sizing the next lease.</summary>
    public TimeSpan MeanJobTime { get; private set; }

    /// <summary>Jobs not yet finished, skipped or withdrawn: the ones to heartbeat or hand back.</summary>
    public IReadOnlyList<string> Unfinished =>
        leases.Skip(Volatile.Read(ref next)).Select(l => l.Job.JobId).Where(id => !withdrawn.ContainsKey(id)).ToList();

    public void Withdraw(string jobId)
    {
        withdrawn[jobId] = true;
        lock (gate)
        {
            if (runningJobId == jobId)
            {
                running?.Cancel();
            }
        }
    }

    public void Stop() => stopping.Cancel();

    public void Dispose() => stopping.Dispose();

    /// <summary>Runs the jobs on the calling thread; <paramref name="evaluate"/> throws to fail a job.</summary>
    public void Run(Func<EvaluationJob, CancellationToken, EvaluationResult> evaluate)
    {
        var watch = Stopwatch.StartNew();
        var ran = 0;
        for (var i = 0; i < leases.Count && !stopping.IsCancellationRequested; i++)
        {
            var job = leases[i].Job;
            if (!withdrawn.ContainsKey(job.JobId))
            {
                var outcome = RunOne(job, evaluate);
                if (Broken is not null)
                {
                    return;
                }

                ran++;
                if (outcome is not null)
                {
                    results.Add(new JobResult(job.JobId, outcome));
                }
            }

            Volatile.Write(ref next, i + 1);
            MeanJobTime = ran > 0 ? watch.Elapsed / ran : TimeSpan.Zero;
        }
    }

    private EvaluationResult? RunOne(EvaluationJob job, Func<EvaluationJob, CancellationToken, EvaluationResult> evaluate)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        lock (gate)
        {
            running = cancellation;
            runningJobId = job.JobId;
        }

        try
        {
            return SearchWork.Measure(() => evaluate(job, cancellation.Token)) with { TrainerId = trainerId };
        }
        catch (BrokenCircuitException broken)
        {
            Broken = broken;
            return null;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Withdrawn or stopping: nobody wants this outcome.
            return null;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Retries are spent: the candidate itself fails (or times out), and that is its result.
            return EvaluationResult.Failed($"{error.GetType().Name}: {error.Message}") with { TrainerId = trainerId };
        }
        finally
        {
            lock (gate)
            {
                running = null;
                runningJobId = null;
            }
        }
    }
}
