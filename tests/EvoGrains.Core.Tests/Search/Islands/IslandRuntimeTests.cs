using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Core.Tests.Search.Islands;

public sealed class IslandRuntimeTests
{
    private static readonly ScreeningFunnel Funnel = new();
    private static readonly SyntheticEvaluator Evaluator = new();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static SearchSpec Spec(int islands = 3, int inFlight = 3, int every = 5, int count = 2, string topology = "ring") => new()
    {
        Seed = 11,
        Islands = new IslandSpec
        {
            Count = islands,
            Methods = ["regularized-evolution", "gp", "random"],
            Space = "tree",
            MaxDepth = 4,
            PopulationSize = 6,
            TournamentSize = 2,
            SeedEvaluations = 6,
            Elites = 1,
            InFlight = inFlight,
        },
        Migration = new MigrationSpec { Every = every, Count = count, Topology = topology },
    };

    /// <summary>Evaluates everything asked for now with the synthetic fitness; returns how many results were taken.</summary>
    internal static int EvaluateRound(IslandRuntime island, DateTimeOffset now)
    {
        var taken = 0;
        foreach (var pending in island.PlanRequests(now))
        {
            taken += island.Absorb(pending.Key, Evaluator.Evaluate(pending.Candidate.Loss), now) ? 1 : 0;
        }

        return taken;
    }

    [Fact]
    public void Fills_its_in_flight_slots_and_asks_again_only_once_an_ask_is_stale()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);

        var first = island.PlanRequests(Start);
        Assert.Equal(3, first.Count);
        Assert.Equal(3, first.Select(p => p.Hash).Distinct().Count());
        Assert.Empty(island.PlanRequests(Start + TimeSpan.FromSeconds(9)));

        var stale = island.PlanRequests(Start + IslandRuntime.StaleAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(first.Select(p => p.Hash).Order(), stale.Select(p => p.Hash).Order());
    }

    [Fact]
    public void Asks_that_could_not_go_out_are_asked_again_at_the_next_round()
    {
        var island = new IslandRuntime(Spec(inFlight: 2), 0, Funnel);
        var asks = island.PlanRequests(Start);

        island.AskFailed(asks);

        Assert.Equal(asks.Select(p => p.Hash), island.PlanRequests(Start).Select(p => p.Hash));
    }

    [Fact]
    public void A_result_is_taken_once_goes_to_the_outbox_and_frees_its_slot()
    {
        var island = new IslandRuntime(Spec(inFlight: 2), 0, Funnel);
        var asked = island.PlanRequests(Start)[0];
        var result = Evaluator.Evaluate(asked.Candidate.Loss);

        Assert.True(island.Absorb(asked.Key, result, Start));
        Assert.False(island.Absorb(asked.Key, result, Start));
        Assert.False(island.Absorb("not-in-flight", result, Start));

        var sent = Assert.Single(island.Outbox);
        Assert.Equal(asked.Hash, sent.Hash);
        Assert.Equal(asked.Candidate.Loss.ToString(), sent.Expression);
        Assert.Equal(result.Fitness, sent.Result.Fitness);
        Assert.Equal(1, island.Progress().Evaluations);
        var refill = Assert.Single(island.PlanRequests(Start));
        Assert.NotEqual(asked.Hash, refill.Hash);
        Assert.Equal(2, island.InFlight.Count);
    }

    [Fact]
    public void The_outbox_keeps_every_result_until_the_search_takes_it()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        EvaluateRound(island, Start);
        var reported = island.Outbox.ToList();
        EvaluateRound(island, Start);

        // A report that was not taken changes nothing; a taken one removes exactly its prefix.
        Assert.Equal(6, island.Outbox.Count);
        island.Acknowledge(reported.Count);

        Assert.Equal(3, island.Outbox.Count);
        Assert.DoesNotContain(island.Outbox, r => reported.Contains(r));
    }

    [Fact]
    public void Results_are_numbered_in_order_and_reportable_only_once_a_written_snapshot_covers_them()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        EvaluateRound(island, Start);
        Assert.Equal([1L, 2, 3], island.Outbox.Select(r => r.Sequence));
        Assert.Empty(island.Reportable);
        Assert.True(island.Withheld);

        var written = island.Snapshot();
        EvaluateRound(island, Start);
        island.Persisted(written);

        // Absorbed while that snapshot was being written: not reportable until the next write.
        Assert.Equal([1L, 2, 3, 4, 5, 6], island.Outbox.Select(r => r.Sequence));
        Assert.Equal([1L, 2, 3], island.Reportable.Select(r => r.Sequence));
        var (results, status) = island.NextReport();
        Assert.Equal((3, 3L, true), (results.Count, status.Evaluations, island.Withheld));
        Assert.Equal(6, island.Progress().Evaluations);

        // A crash now reloads that snapshot: 4..6 are lost with the activation and the next results are numbered 4..6
        // again, which is safe because the search never saw those numbers; 1..3 come back under their own numbers.
        var reloaded = new IslandRuntime(Spec(inFlight: 3), 0, Funnel, written);
        Assert.Equal([1L, 2, 3], reloaded.Reportable.Select(r => r.Sequence));
        EvaluateRound(reloaded, Start);
        Assert.Equal([1L, 2, 3, 4, 5, 6], reloaded.Outbox.Select(r => r.Sequence));
        Assert.Equal(3, reloaded.Reportable.Count);
    }

    [Fact]
    public void An_outbox_saved_before_results_were_numbered_gets_the_islands_last_numbers()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        EvaluateRound(island, Start);
        EvaluateRound(island, Start);
        island.Acknowledge(2);
        var saved = island.Snapshot();
        var unnumbered = saved with { Outbox = saved.Outbox.Select(r => r with { Sequence = 0 }).ToList() };

        var reloaded = new IslandRuntime(Spec(inFlight: 3), 0, Funnel, unnumbered);

        Assert.Equal([3L, 4, 5, 6], reloaded.Outbox.Select(r => r.Sequence));
        Assert.Equal(4, reloaded.Reportable.Count);
    }

    [Fact]
    public void A_loss_the_island_reported_before_a_reactivation_and_proposes_again_joins_without_being_reported_twice()
    {
        var island = new IslandRuntime(Spec(inFlight: 2), 0, Funnel);
        var asked = island.PlanRequests(Start);
        Assert.All(asked, p => Assert.False(p.Again));

        island.MarkRepeat(asked[0].Key);
        Assert.True(island.Absorb(asked[0].Key, Evaluator.Evaluate(asked[0].Candidate.Loss), Start));
        Assert.True(island.Absorb(asked[1].Key, Evaluator.Evaluate(asked[1].Candidate.Loss), Start));

        Assert.Equal([asked[1].Hash], island.Outbox.Select(r => r.Hash));
        Assert.Equal(2, island.Counters.Results);
        Assert.Contains(island.Members, m => m.Hash == asked[0].Hash);

        // An ask that repeats one (stale, or after a reload) says so, so the individual hands it the outcome to report.
        var next = island.PlanRequests(Start);
        Assert.All(next, p => Assert.False(p.Again));
        Assert.All(island.PlanRequests(Start + IslandRuntime.StaleAfter + TimeSpan.FromSeconds(1)), p => Assert.True(p.Again));
        var reloaded = new IslandRuntime(Spec(inFlight: 2), 0, Funnel, island.Snapshot());
        Assert.Equal(next.Select(p => p.Key).Order(), reloaded.PlanRequests(Start).Where(p => p.Again).Select(p => p.Key).Order());
    }

    [Fact]
    public void A_paused_or_stopped_island_proposes_nothing_but_still_takes_its_results()
    {
        var island = new IslandRuntime(Spec(inFlight: 2), 0, Funnel);
        var asked = island.PlanRequests(Start);
        island.Pause();

        Assert.True(island.Absorb(asked[0].Key, Evaluator.Evaluate(asked[0].Candidate.Loss), Start));
        Assert.Empty(island.PlanRequests(Start));
        Assert.Single(island.InFlight);

        island.Resume();
        Assert.Single(island.PlanRequests(Start));
        island.Stop();
        Assert.True(island.Absorb(asked[1].Key, Evaluator.Evaluate(asked[1].Candidate.Loss), Start));
        Assert.Empty(island.PlanRequests(Start + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Every_n_results_the_best_migrate_to_the_next_island_round_the_ring()
    {
        var island = new IslandRuntime(Spec(islands: 3, inFlight: 1, every: 4, count: 2), 2, Funnel);
        for (var i = 0; i < 3; i++)
        {
            EvaluateRound(island, Start);
            Assert.Empty(island.TakeMigrations());
        }

        EvaluateRound(island, Start);
        var plan = Assert.Single(island.TakeMigrations());

        Assert.Equal(0, plan.Neighbour);
        Assert.Equal(island.Members.OrderByDescending(m => m.Rank).Take(2).Select(m => m.Fitness), plan.Migrants.Select(m => m.Fitness));
        Assert.Empty(island.TakeMigrations());
    }

    [Fact]
    public void Random_topology_never_picks_the_island_itself_and_a_lone_island_never_migrates()
    {
        var neighbours = new HashSet<int>();
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            neighbours.Add(MigrationTopology.Neighbour(Spec(islands: 4, topology: "random"), 1, random)!.Value);
        }

        Assert.Equal([0, 2, 3], neighbours.Order());
        Assert.Null(MigrationTopology.Neighbour(Spec(islands: 1), 0, random));

        var lone = new IslandRuntime(Spec(islands: 1, inFlight: 1, every: 1), 0, Funnel);
        EvaluateRound(lone, Start);
        Assert.Empty(lone.TakeMigrations());
    }

    [Fact]
    public void Migrants_join_once_and_are_counted()
    {
        var sender = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        EvaluateRound(sender, Start);
        var migrants = sender.Members.Select(m => new Migrant(StoredCandidate.From(m.Candidate), m.Fitness)).ToList();
        var receiver = new IslandRuntime(Spec(inFlight: 3), 1, Funnel);

        Assert.Equal(3, receiver.ReceiveMigrants(migrants));
        Assert.Equal(0, receiver.ReceiveMigrants(migrants));

        Assert.Equal(3, receiver.Progress().MigrantsReceived);
        Assert.Equal(3, receiver.Members.Count);
        Assert.Equal(0, receiver.Progress().Evaluations);
    }

    [Fact]
    public void Shared_results_and_diversity_are_counted()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        var asked = island.PlanRequests(Start);
        island.MarkShared(asked[0].Key);
        island.MarkShared("not-in-flight");
        foreach (var pending in asked)
        {
            island.Absorb(pending.Key, new EvaluationResult(pending == asked[2] ? 0.5 : 0.7, EvaluationStatus.Completed, 1), Start);
        }

        var progress = island.Progress();
        Assert.Equal(1, progress.SharedResults);
        Assert.True(island.Outbox[0].Shared);
        Assert.Equal(2, progress.Diversity);
        Assert.Equal(0.7, progress.BestFitness);
    }

    [Fact]
    public void After_reactivation_the_island_resumes_its_population_counters_and_outbox_and_asks_again_for_everything_in_flight()
    {
        var island = new IslandRuntime(Spec(inFlight: 3), 0, Funnel);
        for (var i = 0; i < 4; i++)
        {
            EvaluateRound(island, Start);
        }

        island.Acknowledge(5);
        var inFlight = island.PlanRequests(Start).Select(p => p.Hash).Order().ToList();
        var before = island.Progress();
        var snapshot = island.Snapshot();

        var resumed = new IslandRuntime(Spec(inFlight: 3), 0, Funnel, snapshot);

        Assert.Equal(before with { Exhausted = false }, resumed.Progress() with { Exhausted = false });
        Assert.Equal(island.Members.Select(m => (m.Hash, m.Fitness, m.Birth)), resumed.Members.Select(m => (m.Hash, m.Fitness, m.Birth)));
        Assert.Equal(island.Outbox.Select(r => r.Hash), resumed.Outbox.Select(r => r.Hash));
        var asked = resumed.PlanRequests(Start);
        Assert.Equal(inFlight, asked.Select(p => p.Hash).Order());

        // Counters keep what the previous activation counted and add what this one counts.
        foreach (var pending in asked)
        {
            resumed.Absorb(pending.Key, Evaluator.Evaluate(pending.Candidate.Loss), Start);
        }

        EvaluateRound(resumed, Start);
        Assert.Equal(before.Evaluations + 6, resumed.Progress().Evaluations);
        Assert.True(resumed.Counters.RejectedByScreening >= before.RejectedByScreening);
        Assert.True(resumed.Counters.Duplicates >= before.Duplicates);
    }

    [Fact]
    public void Two_islands_built_alike_propose_alike()
    {
        var a = new IslandRuntime(Spec(), 1, Funnel);
        var b = new IslandRuntime(Spec(), 1, Funnel);
        for (var i = 0; i < 5; i++)
        {
            EvaluateRound(a, Start);
            EvaluateRound(b, Start);
        }

        Assert.Equal(a.Members.Select(m => m.Hash), b.Members.Select(m => m.Hash));
        Assert.Equal(a.Outbox.Select(r => r.Hash), b.Outbox.Select(r => r.Hash));
    }

    [Fact]
    public void Every_change_moves_the_version_so_the_grain_knows_to_write()
    {
        var island = new IslandRuntime(Spec(inFlight: 1), 0, Funnel);
        var version = island.Version;
        var asked = island.PlanRequests(Start);
        Assert.NotEqual(version, version = island.Version);

        Assert.Empty(island.PlanRequests(Start));
        Assert.Equal(version, island.Version);

        island.Absorb(asked[0].Key, new EvaluationResult(0.5, EvaluationStatus.Completed, 1), Start);
        Assert.NotEqual(version, version = island.Version);
        island.Pause();
        Assert.NotEqual(version, island.Version);
    }

    [Fact]
    public void A_taylorglo_island_waits_for_its_generation_without_counting_itself_exhausted_and_resumes_after_reactivation()
    {
        var spec = Spec(islands: 2, inFlight: 8) with
        {
            Islands = Spec().Islands with { Count = 2, Methods = ["taylorglo", "glo"], InFlight = 8, CmaEs = new CmaEsSpec { PopulationSize = 4 } },
        };
        var island = new IslandRuntime(spec, 0, Funnel);

        var asked = island.PlanRequests(Start);

        Assert.InRange(asked.Count, 1, 4);
        Assert.False(island.Progress().Exhausted);
        Assert.Equal("taylorglo", island.Method);
        Assert.Empty(island.PlanRequests(Start));
        foreach (var pending in asked)
        {
            island.Absorb(pending.Key, Evaluator.Evaluate(pending.Candidate.Loss), Start);
        }

        // The generation is back: the next one goes out.
        var next = island.PlanRequests(Start);
        Assert.NotEmpty(next);
        Assert.Empty(next.Select(p => p.Hash).Intersect(asked.Select(p => p.Hash)));

        // After reactivation the CMA-ES run starts again from the best vector; what was in flight is asked again.
        var resumed = new IslandRuntime(spec, 0, Funnel, island.Snapshot());
        Assert.Equal(island.Members.Select(m => m.Hash).Order(), resumed.Members.Select(m => m.Hash).Order());
        Assert.Superset(next.Select(p => p.Hash).ToHashSet(), resumed.PlanRequests(Start).Select(p => p.Hash).ToHashSet());
    }
}
