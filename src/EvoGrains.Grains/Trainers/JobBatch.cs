using System.Diagnostics;
using EvoGrains.Abstractions;
using EvoGrains.Core.Diagnostics;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Telemetry;
using Polly.CircuitBreaker;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// Leased jobs a trainer runs in packs: consecutive jobs with the same steps and seed, up to the pack size,
/// go to the evaluator together (packed training; a pack of one is today's one-at-a-time). Leases stay per
/// job: the grain withdraws a job whose lease it lost (its member is frozen, the rest of its pack goes on)
/// and reads what is still unfinished for heartbeats and hand-backs. Every call comes from the grain's own
/// turns, so nothing here needs a lock; the evaluator does the long work off the Orleans scheduler.
/// </summary>
internal sealed class JobBatch(IReadOnlyList<JobLease> leases, string trainerId, int packSize) : IDisposable
{
    /// <summary>
    /// The work a batch aims at: enough to amortise a lease round trip, little enough to keep leases fresh.
    /// </summary>
    public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(50);

    private const int MaxJobs = 64;

    private readonly HashSet<string> withdrawn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<JobResult> results = [];
    private int next;

    public IReadOnlyList<JobLease> Leases => leases;

    /// <summary>Outcomes in order; complete once <see cref="RunAsync"/> has returned.</summary>
    public IReadOnlyList<JobResult> Results => results;

    /// <summary>Set when the trainer's circuit breaker opened: this pack and the ones after it were not run.</summary>
    public BrokenCircuitException? Broken { get; private set; }

    /// <summary>Mean wall time per job of the packs that ran, for sizing the next lease.</summary>
    public TimeSpan MeanJobTime { get; private set; }

    /// <summary>Jobs not yet finished, skipped or withdrawn: the ones to heartbeat or hand back.</summary>
    public IReadOnlyList<string> Unfinished =>
        leases.Skip(next).Select(l => l.Job.JobId).Where(id => !withdrawn.Contains(id)).ToList();

    /// <summary>
    /// As many jobs as fit in <see cref="Target"/> at the measured pace (zero: unknown), and at least one pack.
    /// </summary>
    public static int LeaseSize(TimeSpan meanJobTime, int packSize) =>
        meanJobTime <= TimeSpan.Zero
            ? packSize
            : (int)Math.Clamp(Target / meanJobTime, packSize, Math.Max(packSize, MaxJobs));

    public void Withdraw(string jobId)
    {
        withdrawn.Add(jobId);
        if (running.TryGetValue(jobId, out var member))
        {
            member.Cancel();
        }
    }

    public void Stop() => stopping.Cancel();

    public void Dispose() => stopping.Dispose();

    /// <summary>
    /// Runs the batch and calls <paramref name="heartbeat"/> every <paramref name="every"/> until it is done.
    /// </summary>
    public async Task RunAsync(
        Func<
            IReadOnlyList<EvaluationJob>,
            IReadOnlyList<EvaluationCandidate>,
            CancellationToken,
            Task<IReadOnlyList<EvaluationResult>>> evaluate,
        Func<Task> heartbeat,
        TimeSpan every)
    {
        var running = RunAsync(evaluate);
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(every, CancellationToken.None));
            if (!running.IsCompleted)
            {
                await heartbeat();
            }
        }

        await running;
    }

    /// <summary>Runs the jobs pack by pack; <paramref name="evaluate"/> throws to fail a whole pack.</summary>
    public async Task RunAsync(
        Func<
            IReadOnlyList<EvaluationJob>,
            IReadOnlyList<EvaluationCandidate>,
            CancellationToken,
            Task<IReadOnlyList<EvaluationResult>>> evaluate)
    {
        var watch = Stopwatch.StartNew();
        var ran = 0;
        while (next < leases.Count && !stopping.IsCancellationRequested)
        {
            var (pack, end) = NextPack();
            if (pack.Count > 0)
            {
                var outcomes = await RunPackAsync(pack, evaluate);
                if (Broken is not null)
                {
                    return;
                }

                ran += pack.Count;
                results.AddRange(outcomes);
            }

            next = end;
            MeanJobTime = ran > 0 ? watch.Elapsed / ran : TimeSpan.Zero;
        }
    }

    /// <summary>The jobs from <see cref="next"/> that train like the first one (withdrawn ones skipped).</summary>
    private (List<EvaluationJob> Pack, int End) NextPack()
    {
        var pack = new List<EvaluationJob>();
        var end = next;
        var first = leases[next].Job;
        while (end < leases.Count && pack.Count < packSize && leases[end].Job is var job && job.TrainsLike(first))
        {
            if (!withdrawn.Contains(job.JobId))
            {
                pack.Add(job);
            }

            end++;
        }

        return (pack, end);
    }

    private async Task<IReadOnlyList<JobResult>> RunPackAsync(
        List<EvaluationJob> pack,
        Func<
            IReadOnlyList<EvaluationJob>,
            IReadOnlyList<EvaluationCandidate>,
            CancellationToken,
            Task<IReadOnlyList<EvaluationResult>>> evaluate)
    {
        var members = pack
            .Select(job => running[job.JobId] = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            .ToList();
        var candidates = pack
            .Select((job, i) => new EvaluationCandidate(job.Loss.ToLoss()) { Withdrawn = members[i].Token })
            .ToList();
        try
        {
            // What runs on this thread before the evaluator hands off (all of it, for a synchronous evaluator) is
            // search work.
            var evaluated = await SearchWork.Measure(() => evaluate(pack, candidates, stopping.Token));
            return Wanted(pack, i => Outcome(evaluated[i]));
        }
        catch (BrokenCircuitException broken)
        {
            Broken = broken;
            return [];
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: nobody wants these outcomes.
            return [];
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Retries are spent, or were never tried because the error is permanent (the same data or loss fails the
            // same way on every trainer; the search decides what that means): the candidates fail, and that is their
            // result.
            var permanent = error is PermanentEvaluationException or ArgumentException or FormatException;
            return Wanted(pack, _ => FailedOutcome(ErrorLine.Of(error)) with { Permanent = permanent });
        }
        finally
        {
            pack.ForEach(job => running.Remove(job.JobId));
            members.ForEach(m => m.Dispose());
        }
    }

    /// <summary>Results of the jobs still held: a withdrawn job's result is nobody's.</summary>
    private List<JobResult> Wanted(List<EvaluationJob> pack, Func<int, EvaluationResult> outcome) =>
        pack.Select((job, i) => (job, i))
            .Where(p => !withdrawn.Contains(p.job.JobId)).Select(p => new JobResult(p.job.JobId, outcome(p.i)))
            .ToList();

    private EvaluationResult Outcome(EvaluationResult result) => result with { TrainerId = trainerId };

    private EvaluationResult FailedOutcome(string reason) =>
        EvaluationResult.Failed(reason) with { TrainerId = trainerId };
}
