namespace EvoGrains.Core.Search.Queue;

/// <summary>
/// Every decision of a search's evaluation queue: FIFO order, leases and their expiry, idempotent
/// completion by job id, released and expired jobs going back to the front, which idle trainers to
/// wake, and the counters. Leases and completed outcomes live in memory only: after a failover every
/// open job waits again, and the persisted part stays bounded by the jobs in flight.
/// </summary>
public sealed class JobQueueBook<TJob, TOutcome>
{
    private readonly Func<TJob, string> idOf;
    private readonly Func<TJob, TimeSpan> leaseLengthOf;
    private readonly Dictionary<string, OpenJob<TJob>> open = new(StringComparer.Ordinal);
    private readonly LinkedList<string> waiting = new();
    private readonly Dictionary<string, JobLeaseHold> leases = new(StringComparer.Ordinal);
    private readonly CompletedOutcomes<TOutcome> completed;

    // Trainers that found the queue empty, oldest first; told when work arrives so they need not poll fast.
    private readonly List<string> idleTrainers = [];

    public JobQueueBook(
        Func<TJob, string> idOf, Func<TJob, TimeSpan> leaseLengthOf, int rememberedOutcomes,
        IEnumerable<OpenJob<TJob>>? openJobs = null, QueueCounters? counters = null)
    {
        (this.idOf, this.leaseLengthOf) = (idOf, leaseLengthOf);
        completed = new CompletedOutcomes<TOutcome>(rememberedOutcomes);
        foreach (var job in openJobs ?? [])
        {
            open[idOf(job.Job)] = job;
            waiting.AddLast(idOf(job.Job));
        }

        Counters = counters ?? new QueueCounters();
    }

    public QueueCounters Counters { get; private set; }

    public IEnumerable<OpenJob<TJob>> OpenJobs => open.Values;

    public int Queued => open.Count - leases.Count;

    public int Leased => leases.Count;

    /// <summary>
    /// Adds the jobs not open yet; returns the remembered outcomes of those already completed, and how many were added.
    /// </summary>
    public (IReadOnlyList<(TJob Job, TOutcome Outcome)> Known, int Added) Enqueue(IEnumerable<TJob> jobs)
    {
        var known = new List<(TJob, TOutcome)>();
        var added = 0;
        foreach (var job in jobs)
        {
            var id = idOf(job);
            if (completed.TryGet(id, out var outcome))
            {
                known.Add((job, outcome));
            }
            else if (open.TryAdd(id, new OpenJob<TJob>(job, 0)))
            {
                waiting.AddLast(id);
                added++;
            }
        }

        Counters = Counters with { Enqueued = Counters.Enqueued + added };
        return (known, added);
    }

    /// <summary>
    /// Up to <paramref name="wanted"/> waiting jobs, oldest first; a trainer given none joins the idle list.
    /// </summary>
    public IReadOnlyList<GrantedLease<TJob>> Lease(string trainerId, int wanted, DateTimeOffset now)
    {
        var granted = new List<GrantedLease<TJob>>(Math.Min(wanted, waiting.Count));
        while (granted.Count < wanted && waiting.First is { } first)
        {
            waiting.RemoveFirst();
            if (!open.TryGetValue(first.Value, out var job) || leases.ContainsKey(first.Value))
            {
                continue;
            }

            var hold = new JobLeaseHold(trainerId, now, now + leaseLengthOf(job.Job));
            leases[first.Value] = hold;
            open[first.Value] = job = job with { Attempts = job.Attempts + 1 };
            granted.Add(new GrantedLease<TJob>(job.Job, job.Attempts, hold.ExpiresAt));
        }

        if (granted.Count > 0)
        {
            idleTrainers.Remove(trainerId);
        }
        else if (wanted > 0 && !idleTrainers.Contains(trainerId))
        {
            idleTrainers.Add(trainerId);
        }

        return granted;
    }

    /// <summary>
    /// Completes a job whoever trains it (after a failover or an expired lease the first result wins);
    /// returns the job whose owner must be told, or null for a repeat or a job nobody waits for any more.
    /// </summary>
    public TJob? Complete(string jobId, TOutcome outcome, double outcomeSeconds, DateTimeOffset now)
    {
        if (completed.Contains(jobId))
        {
            Counters = Counters with { DuplicateCompletions = Counters.DuplicateCompletions + 1 };
            return default;
        }

        // A job dropped at the budget (or by cancellation) has nobody left to tell.
        if (!open.Remove(jobId, out var job))
        {
            return default;
        }

        var busy = leases.Remove(jobId, out var hold) ? (now - hold.LeasedAt).TotalSeconds : outcomeSeconds;
        Counters = Counters with { Completed = Counters.Completed + 1, BusySeconds = Counters.BusySeconds + busy };
        completed.Add(jobId, outcome);
        return job.Job;
    }

    /// <summary>Extends the leases this trainer still holds; returns their ids.</summary>
    public IReadOnlyList<string> Heartbeat(string trainerId, IReadOnlyList<string> jobIds, DateTimeOffset now)
    {
        var held = new List<string>(jobIds.Count);
        foreach (var jobId in jobIds)
        {
            if (leases.TryGetValue(jobId, out var hold) && hold.TrainerId == trainerId
                && open.TryGetValue(jobId, out var job))
            {
                hold.ExpiresAt = now + leaseLengthOf(job.Job);
                held.Add(jobId);
            }
        }

        return held;
    }

    /// <summary>Hands this trainer's leases back to the front of the queue, in their order; returns how many.</summary>
    public int Release(string trainerId, IReadOnlyList<string> jobIds)
    {
        var released = 0;
        foreach (var jobId in jobIds.Reverse())
        {
            if (leases.TryGetValue(jobId, out var hold) && hold.TrainerId == trainerId)
            {
                leases.Remove(jobId);
                waiting.AddFirst(jobId);
                released++;
            }
        }

        Counters = Counters with { Released = Counters.Released + released };
        return released;
    }

    /// <summary>
    /// Drops every open job that matches, waiting or leased; returns the leased ones with their trainers, whose
    /// training nobody wants any more (a later result for a dropped job is ignored, see <see cref="Complete"/>).
    /// </summary>
    public IReadOnlyList<(string JobId, string TrainerId)> Drop(Func<TJob, bool> matches)
    {
        var running = new List<(string, string)>();
        foreach (var (jobId, job) in open.Where(j => matches(j.Value.Job)).ToList())
        {
            open.Remove(jobId);
            if (leases.Remove(jobId, out var hold))
            {
                running.Add((jobId, hold.TrainerId));
            }
        }

        for (var node = waiting.First; node is not null;)
        {
            var next = node.Next;
            if (!open.ContainsKey(node.Value))
            {
                waiting.Remove(node);
            }

            node = next;
        }

        return running;
    }

    /// <summary>Puts jobs whose lease ran out back at the front of the queue; returns how many.</summary>
    public int ExpireLeases(DateTimeOffset now)
    {
        var expired = leases.Where(l => l.Value.ExpiresAt < now).Select(l => l.Key).ToList();
        foreach (var jobId in expired)
        {
            leases.Remove(jobId);
            waiting.AddFirst(jobId);
        }

        Counters = Counters with { Requeued = Counters.Requeued + expired.Count };
        return expired.Count;
    }

    /// <summary>The idle trainers to wake for <paramref name="jobs"/> new waiting jobs, oldest idle first.</summary>
    public IReadOnlyList<string> TakeIdleTrainers(int jobs)
    {
        var woken = idleTrainers.Take(jobs).ToList();
        idleTrainers.RemoveRange(0, woken.Count);
        return woken;
    }
}
