using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// Every decision of one island, with no clock or messaging of its own: which candidates to ask
/// for (new, stale or left over from a previous activation), what a result changes, when and
/// where to migrate, which results still await the search, and the counters. The grain calls it,
/// persists <see cref="Snapshot"/> and sends the messages it plans.
/// </summary>
public sealed class IslandRuntime
{
    /// <summary>A reply can be lost only with a silo; asking again after this long is cheap and idempotent.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private readonly SearchStrategy strategy;
    private readonly Dictionary<string, PendingEvaluation> inFlight = new(StringComparer.Ordinal);
    private readonly List<IslandResult> outbox = [];
    private readonly List<MigrationPlan> migrations = [];
    private readonly Random random;
    private readonly IslandCounters restored;
    private readonly RungLadder ladder;
    private Dictionary<long, StoredMember> stored;
    private long results;
    private long persistedResults;
    private long resultsSinceMigration;
    private long sharedResults;
    private long migrantsReceived;

    public IslandRuntime(SearchSpec spec, int index, ScreeningFunnel funnel, IslandSnapshot? saved = null)
    {
        Spec = spec;
        Index = index;
        strategy = StrategyFactory.Create(spec, index, funnel);
        saved ??= new IslandSnapshot(false, false, [], [], [], new IslandCounters());
        (Paused, Stopped, restored) = (saved.Paused, saved.Stopped, saved.Counters);
        (results, resultsSinceMigration) = (restored.Results, restored.ResultsSinceMigration);
        persistedResults = results;
        (sharedResults, migrantsReceived) = (restored.SharedResults, restored.MigrantsReceived);
        foreach (var member in saved.Members.OrderBy(m => m.Birth))
        {
            strategy.Restore(
                new Member(member.Candidate.Rebuild(strategy), member.Fitness, member.Birth) { Rung = member.Rung });
        }

        stored = saved.Members.ToDictionary(m => m.Birth);
        foreach (var pending in saved.InFlight)
        {
            var evaluation = new PendingEvaluation(pending.Candidate.Rebuild(strategy), pending.Shared, pending.Rung)
            {
                AskedBefore = true,
            };
            inFlight[evaluation.Key] = evaluation;
        }

        ladder = new RungLadder(spec.Evaluation.EffectiveRungs.Count, spec.Evaluation.Promote, saved.Rungs);

        // An outbox written before results were numbered holds the island's last results: they get those numbers.
        var firstInOutbox = results - saved.Outbox.Count;
        outbox.AddRange(
            saved.Outbox.Select((r, i) => r.Sequence > 0 ? r : r with { Sequence = firstInOutbox + i + 1 }));

        // Seeded by island and progress, so a resumed island does not replay its earlier draws.
        random = new Random(
            unchecked((int)((spec.Seed * 1_000_003L) + (index * 7_919L) + (results * 31) + migrantsReceived)));
    }

    public SearchSpec Spec { get; }

    public int Index { get; }

    public string Method => strategy.Method;

    public bool Paused { get; private set; }

    public bool Stopped { get; private set; }

    /// <summary>The last fill found no new screened candidate (not merely waiting for results).</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Goes up with every change, so a writer knows whether its last snapshot is current.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<PendingEvaluation> InFlight => inFlight.Values;

    /// <summary>Results the search has not accepted yet, oldest (lowest sequence) first.</summary>
    public IReadOnlyList<IslandResult> Outbox => outbox;

    /// <summary>
    /// The outbox's prefix that may be reported: results whose sequence a written snapshot already covers.
    /// </summary>
    /// <remarks>
    /// The n-th absorbed result gets sequence n (the <see cref="IslandCounters.Results"/> counter, persisted in the
    /// same snapshot as the outbox), and the search counts a result iff its sequence is above the island's high-water
    /// mark. So a sequence must never be handed to a different result, and the search must never see a sequence the
    /// island could hand out again. An island reloads from its last written snapshot: results absorbed after that write
    /// (for instance while the write was being awaited) are lost with the activation and their evaluations are asked
    /// again, and the reloaded counter would number the next results from that snapshot's count. Hence the rule: only
    /// results with a sequence at or below the counter of a snapshot known to be written (<see cref="Persisted"/>) are
    /// reported; the rest wait for the next write. Every sequence the search has seen is then backed by a durable
    /// counter at or above it, and the durable outbox still holds every such result the search may not have accepted,
    /// under the same sequence, so a resend after a crash is recognised as one.
    /// </remarks>
    public IReadOnlyList<IslandResult> Reportable => outbox.TakeWhile(r => r.Sequence <= persistedResults).ToList();

    /// <summary>
    /// What to report now: <see cref="Reportable"/>, with the progress as of those results (the results still withheld
    /// are not counted), so the search's island table never shows a result its history does not have.
    /// </summary>
    public (IReadOnlyList<IslandResult> Results, IslandStatus Status) NextReport()
    {
        var results = Reportable;
        var progress = Progress();
        return (results, progress with { Evaluations = progress.Evaluations - (outbox.Count - results.Count) });
    }

    /// <summary>
    /// The outbox holds results no written snapshot covers yet (they are not <see cref="Reportable"/>).
    /// </summary>
    public bool Withheld => outbox.Count > 0 && outbox[^1].Sequence > persistedResults;

    /// <summary>
    /// The snapshot <paramref name="written"/> (taken by <see cref="Snapshot"/>) is stored: its results may be
    /// reported.
    /// </summary>
    public void Persisted(IslandSnapshot written) =>
        persistedResults = Math.Max(persistedResults, written.Counters.Results);

    public IReadOnlyList<Member> Members => strategy.Members;

    public void Pause() => (Paused, Version) = (true, Version + 1);

    public void Resume() => (Paused, Version) = (false, Version + 1);

    public void Stop() => (Stopped, Version) = (true, Version + 1);

    /// <summary>
    /// Fills the free in-flight slots and returns every evaluation to ask for now: new ones, those
    /// never asked in this activation, and those asked longer than <see cref="StaleAfter"/> ago.
    /// They count as asked at <paramref name="now"/>; <see cref="AskFailed"/> undoes that.
    /// </summary>
    public IReadOnlyList<PendingEvaluation> PlanRequests(DateTimeOffset now)
    {
        Fill();
        var due = inFlight.Values.Where(p => p.AskedAt is not { } asked || now - asked > StaleAfter).ToList();
        foreach (var pending in due)
        {
            pending.AskedAt = now;
            (pending.Again, pending.AskedBefore) = (pending.AskedBefore, true);
        }

        return due;
    }

    /// <summary>The asks could not go out (the write before them failed): the next pump asks again.</summary>
    public void AskFailed(IEnumerable<PendingEvaluation> asked)
    {
        foreach (var pending in asked)
        {
            pending.AskedAt = null;
            pending.AskedBefore = pending.Again;
        }
    }

    /// <summary>The individual said another island asked first.</summary>
    public void MarkShared(string key)
    {
        if (inFlight.TryGetValue(key, out var pending) && !pending.Shared)
        {
            pending.Shared = true;
            Version++;
        }
    }

    /// <summary>
    /// The individual said this island received its outcome before (see <see cref="PendingEvaluation.Repeat"/>).
    /// </summary>
    public void MarkRepeat(string key)
    {
        if (inFlight.TryGetValue(key, out var pending))
        {
            pending.Repeat = true;
        }
    }

    /// <summary>
    /// Absorbs a result if its <see cref="EvaluationKey"/> is in flight here (so repeats are harmless); true when
    /// taken. A first-rung result joins the population; a promoted one updates its member and the ladder ranks it.
    /// </summary>
    public bool Absorb(string key, EvaluationResult result, DateTimeOffset now)
    {
        if (!inFlight.Remove(key, out var pending))
        {
            return false;
        }

        var candidate = pending.Candidate;
        var evaluated = StoredCandidate.From(candidate);
        if (pending.Rung == 0)
        {
            strategy.Report(candidate, result.Fitness);
        }
        else
        {
            strategy.Promote(pending.Hash, pending.Rung, result.Fitness);
        }

        ladder.Record(pending.Hash, pending.Rung, result, evaluated);
        results++;
        sharedResults += pending.Shared ? 1 : 0;
        if (pending.Repeat)
        {
            // Reported in an earlier activation (sequences may skip a number; the search only needs them to grow).
            PlanMigrationIfDue();
            Version++;
            return true;
        }

        outbox.Add(new IslandResult(
            pending.Hash, candidate.Loss.ToString(), candidate.Loss, evaluated, result, pending.Shared, now)
        {
            Rung = pending.Rung,
            Steps = Spec.Evaluation.EffectiveRungs[pending.Rung].Steps,
            Sequence = results,
        });
        PlanMigrationIfDue();
        Version++;
        return true;
    }

    /// <summary>Migrations planned by <see cref="Absorb"/> since the last call.</summary>
    public IReadOnlyList<MigrationPlan> TakeMigrations()
    {
        var planned = migrations.ToList();
        migrations.Clear();
        return planned;
    }

    /// <summary>
    /// Joins migrants this island does not have yet (nor a one-hot twin of); returns how many joined.
    /// </summary>
    public int ReceiveMigrants(IEnumerable<Migrant> arrivals)
    {
        var joined = 0;
        foreach (var migrant in arrivals)
        {
            var candidate = migrant.Candidate.Rebuild(strategy);
            if (strategy.Members.All(m => m.Candidate.Loss.Fingerprint != candidate.Loss.Fingerprint))
            {
                strategy.Report(candidate, migrant.Fitness, migrant.Rung);
                joined++;
            }
        }

        migrantsReceived += joined;
        Version += joined > 0 ? 1 : 0;
        return joined;
    }

    /// <summary>The search accepted the first <paramref name="count"/> outbox results.</summary>
    public void Acknowledge(int count)
    {
        outbox.RemoveRange(0, Math.Min(count, outbox.Count));
        Version += count > 0 ? 1 : 0;
    }

    public IslandCounters Counters => new()
    {
        Results = results,
        ResultsSinceMigration = resultsSinceMigration,
        RejectedByScreening = restored.RejectedByScreening + strategy.Statistics.Rejected,
        Duplicates = restored.Duplicates + strategy.Statistics.Duplicates,
        SharedResults = sharedResults,
        MigrantsReceived = migrantsReceived,
    };

    public IslandStatus Progress()
    {
        var members = strategy.Members;
        var best = strategy.Best;
        var counters = Counters;
        return new IslandStatus
        {
            Island = Index,
            Method = Method,
            PopulationSize = members.Count,
            BestFitness = best?.Fitness ?? double.NaN,
            BestExpression = best?.Candidate.Loss.ToString(),
            Diversity = members.Select(m => Math.Round(m.Fitness, 9)).Distinct().Count(),
            Evaluations = counters.Results,
            InFlight = inFlight.Count,
            RejectedByScreening = counters.RejectedByScreening,
            Duplicates = counters.Duplicates,
            SharedResults = counters.SharedResults,
            MigrantsReceived = counters.MigrantsReceived,
            Exhausted = Exhausted,
        };
    }

    /// <summary>What to persist. Members are encoded once, as most writes change one or two.</summary>
    public IslandSnapshot Snapshot()
    {
        stored = strategy.Members.ToDictionary(
            m => m.Birth,
            m => stored.GetValueOrDefault(m.Birth) is { } known && known.Rung == m.Rung
                ? known
                : new StoredMember(StoredCandidate.From(m.Candidate), m.Fitness, m.Birth) { Rung = m.Rung });
        return new IslandSnapshot(
            Paused, Stopped, stored.Values.ToList(),
            inFlight.Values.Select(p => new StoredPending(p.Stored, p.Shared) { Rung = p.Rung }).ToList(),
            outbox.ToList(), Counters)
        {
            Rungs = ladder.Results.ToList(),
        };
    }

    private void Fill()
    {
        Exhausted = false;
        while (!Stopped && !Paused && inFlight.Count < Spec.Islands.InFlight)
        {
            // ASHA: a promotion goes before a new candidate.
            if (ladder.TakePromotion() is { } promotion)
            {
                var promoted = new PendingEvaluation(promotion.Candidate.Rebuild(strategy), rung: promotion.Rung + 1);
                inFlight[promoted.Key] = promoted;
                Version++;
                continue;
            }

            if (strategy.Propose(random) is not { } candidate)
            {
                // Waiting (a CMA-ES generation is out) ends with its results; exhaustion is reported.
                Exhausted = !strategy.IsWaiting;
                return;
            }

            var proposed = new PendingEvaluation(candidate);
            if (inFlight.TryAdd(proposed.Key, proposed))
            {
                Version++;
            }
        }
    }

    private void PlanMigrationIfDue()
    {
        var migration = Spec.Migration;
        if (migration.Count == 0 || ++resultsSinceMigration < migration.Every)
        {
            return;
        }

        resultsSinceMigration = 0;
        if (MigrationTopology.Neighbour(Spec, Index, random) is { } neighbour)
        {
            migrations.Add(new MigrationPlan(
                neighbour,
                strategy.Emigrants(migration.Count)
                    .Select(m => new Migrant(StoredCandidate.From(m.Candidate), m.Fitness) { Rung = m.Rung })
                    .ToList()));
        }
    }
}
