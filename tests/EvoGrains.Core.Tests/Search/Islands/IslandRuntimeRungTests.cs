using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Core.Tests.Search.Islands;

public sealed class IslandRuntimeRungTests
{
    private static readonly ScreeningFunnel Funnel = new();
    private static readonly SyntheticEvaluator Evaluator = new();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SearchSpec Spec() => IslandRuntimeTests.Spec(islands: 1, inFlight: 2, count: 0) with
    {
        Evaluation = new EvaluationSpec
        {
            Evaluator = "synthetic",
            WarmupSteps = 0,
            Rungs = [new RungSpec { Steps = 20 }, new RungSpec { Steps = 60, Seeds = 2 }],
            Promote = 0.5,
        },
    };

    /// <summary>Answers every ask with the synthetic fitness (plus the rung, so a promotion visibly changes it).</summary>
    private static List<PendingEvaluation> Round(IslandRuntime island, DateTimeOffset now)
    {
        var asked = island.PlanRequests(now).ToList();
        foreach (var pending in asked)
        {
            var result = Evaluator.Evaluate(pending.Candidate.Loss);
            Assert.True(island.Absorb(pending.Key, result with { Fitness = result.Fitness / 2 + (0.25 * pending.Rung) }, now));
        }

        return asked;
    }

    [Fact]
    public void The_best_half_of_the_first_rung_is_promoted_under_its_own_key_and_its_member_moves_up()
    {
        var island = new IslandRuntime(Spec(), 0, Funnel);
        var asked = new List<PendingEvaluation>();
        for (var round = 0; round < 6; round++)
        {
            asked.AddRange(Round(island, Start));
        }

        var promoted = asked.Where(p => p.Rung == 1).ToList();
        Assert.NotEmpty(promoted);
        Assert.All(promoted, p => Assert.Equal(EvaluationKey.Of(p.Candidate.Loss.FingerprintHex, 1), p.Key));
        Assert.All(promoted, p => Assert.Contains(asked, a => a.Rung == 0 && a.Hash == p.Hash));
        Assert.Equal(promoted.Count, promoted.Select(p => p.Hash).Distinct().Count());

        var firstRung = asked.Count(p => p.Rung == 0);
        Assert.InRange(promoted.Count, 1, (firstRung / 2) + 1);

        var promotedResults = island.Outbox.Where(r => r.Rung == 1).ToList();
        Assert.All(promotedResults, r => Assert.Equal(60, r.Steps));
        Assert.All(island.Outbox.Where(r => r.Rung == 0), r => Assert.Equal(20, r.Steps));
        var liveMember = island.Members.FirstOrDefault(m => promoted.Any(p => p.Hash == m.Hash));
        if (liveMember is not null)
        {
            Assert.Equal(1, liveMember.Rung);
        }

        // A promoted member outranks every first-rung member, so it is the island's best.
        Assert.Equal(1, island.Members.MaxBy(m => m.Rank)!.Rung);
    }

    [Fact]
    public void A_restored_island_keeps_its_ladder_rungs_in_flight_and_member_rungs()
    {
        var island = new IslandRuntime(Spec(), 0, Funnel);
        for (var round = 0; round < 4; round++)
        {
            Round(island, Start);
        }

        // Leave the next asks unanswered: some of them are promotions.
        var open = island.PlanRequests(Start);
        var snapshot = island.Snapshot();
        var restored = new IslandRuntime(Spec(), 0, Funnel, snapshot);

        Assert.Equal(open.Select(p => p.Key).Order(), restored.InFlight.Select(p => p.Key).Order());
        Assert.Equal(island.Members.Select(m => (m.Hash, m.Rung)).Order(), restored.Members.Select(m => (m.Hash, m.Rung)).Order());
        Assert.Equal(snapshot.Rungs, restored.Snapshot().Rungs);

        // Nothing promoted before is promoted again after the restore.
        var before = snapshot.Rungs.Where(r => r.Promoted).Select(r => r.Hash).ToHashSet();
        foreach (var pending in restored.PlanRequests(Start + IslandRuntime.StaleAfter * 2))
        {
            Assert.True(restored.Absorb(pending.Key, Evaluator.Evaluate(pending.Candidate.Loss), Start));
        }

        var again = Round(restored, Start).Where(p => p.Rung == 1).Select(p => p.Hash);
        Assert.DoesNotContain(again, before.Contains);
    }
}
