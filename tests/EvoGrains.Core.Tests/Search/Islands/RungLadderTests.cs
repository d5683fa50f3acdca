using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Core.Tests.Search.Islands;

public sealed class RungLadderTests
{
    private static readonly StoredCandidate Candidate = new("genome", "random", []);

    private static EvaluationResult Fit(double fitness) => new(fitness, EvaluationStatus.Completed, 1);

    [Fact]
    public void Promotes_once_a_result_is_in_the_best_fraction_of_its_rung()
    {
        var ladder = new RungLadder(rungs: 2, promote: 1.0 / 3);
        ladder.Record("a", 0, Fit(0.5), Candidate);
        ladder.Record("b", 0, Fit(0.9), Candidate);
        Assert.Null(ladder.TakePromotion());

        ladder.Record("c", 0, Fit(0.7), Candidate);
        Assert.Equal("b", ladder.TakePromotion()!.Hash);
        Assert.Null(ladder.TakePromotion());

        // Six results: the best two qualify; b is promoted already, so c goes next even though it was never first.
        ladder.Record("d", 0, Fit(0.1), Candidate);
        ladder.Record("e", 0, Fit(0.2), Candidate);
        ladder.Record("f", 0, Fit(0.3), Candidate);
        Assert.Equal("c", ladder.TakePromotion()!.Hash);
        Assert.Null(ladder.TakePromotion());
    }

    [Fact]
    public void Never_promotes_a_failed_result_nor_keeps_top_rung_results()
    {
        var ladder = new RungLadder(rungs: 2, promote: 0.5);
        ladder.Record("failed", 0, EvaluationResult.Failed("nan loss") with { Fitness = 0.99 }, Candidate);
        ladder.Record("low", 0, Fit(0.1), Candidate);
        ladder.Record("top", 1, Fit(0.95), Candidate);

        Assert.Equal("low", ladder.TakePromotion()!.Hash);
        Assert.DoesNotContain(ladder.Results, r => r.Rung == 1);
    }

    [Fact]
    public void Higher_rungs_promote_first()
    {
        var ladder = new RungLadder(rungs: 3, promote: 0.5);
        ladder.Record("a", 0, Fit(0.6), Candidate);
        ladder.Record("b", 0, Fit(0.4), Candidate);
        ladder.Record("x", 1, Fit(0.8), Candidate);
        ladder.Record("y", 1, Fit(0.7), Candidate);

        var first = ladder.TakePromotion()!;
        Assert.Equal(("x", 1), (first.Hash, first.Rung));
        var second = ladder.TakePromotion()!;
        Assert.Equal(("a", 0), (second.Hash, second.Rung));
    }

    [Fact]
    public void A_restored_ladder_remembers_what_it_promoted()
    {
        var ladder = new RungLadder(rungs: 2, promote: 0.5);
        ladder.Record("a", 0, Fit(0.6), Candidate);
        ladder.Record("b", 0, Fit(0.4), Candidate);
        Assert.Equal("a", ladder.TakePromotion()!.Hash);

        var restored = new RungLadder(2, 0.5, ladder.Results);

        Assert.Null(restored.TakePromotion());
        restored.Record("c", 0, Fit(0.5), Candidate);
        restored.Record("d", 0, Fit(0.1), Candidate);
        Assert.Equal("c", restored.TakePromotion()!.Hash);
    }
}
