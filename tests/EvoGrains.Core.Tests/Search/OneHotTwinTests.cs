using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Core.Search.Islands;
using EvoGrains.Core.Tests.Evolution;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search;

/// <summary>Two losses whose one-hot halves agree are one loss: the search trains one, and keeps one.</summary>
public sealed class OneHotTwinTests
{
    private const string Twin = "-erf(isru(sinh(p), abs(y)) / y)";
    private const string TwinWithOne = "-erf(isru(sinh(p), abs(1)) / y)";
    private const string Other = "-(y * log(p)) * 2";

    private static readonly ScreeningFunnel Funnel = new();

    [Fact]
    public void The_twins_are_accepted_as_written_and_are_one_loss()
    {
        var (a, b) = (Funnel.Screen(LossFunction.Parse(Twin)), Funnel.Screen(LossFunction.Parse(TwinWithOne)));

        Assert.True(a.Accepted && b.Accepted, a.Reason + " / " + b.Reason);
        Assert.False(a.Flipped || b.Flipped);
        Assert.NotEqual(a.Loss.Hash, b.Loss.Hash);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void An_island_never_proposes_the_twin_of_a_loss_it_proposed()
    {
        var strategy = Scripted(Twin, TwinWithOne, Other);

        var first = strategy.Propose(new Random(1));
        var second = strategy.Propose(new Random(1));

        Assert.Equal(LossFunction.Parse(Twin).Hash, first!.Loss.Hash);
        Assert.Equal(LossFunction.Parse(Other).Hash, second!.Loss.Hash);
        Assert.Equal(1, strategy.Statistics.Duplicates);
    }

    [Fact]
    public void A_twin_stops_after_the_integrity_check_and_is_never_screened_again()
    {
        var strategy = Scripted(Twin, TwinWithOne, TwinWithOne, Other);

        strategy.Propose(new Random(1));
        strategy.Propose(new Random(1));

        Assert.Equal([ScreeningStage.Accepted, ScreeningStage.Duplicate, ScreeningStage.Accepted], strategy.Screened);
        Assert.Equal(2, strategy.Statistics.Duplicates);
    }

    [Fact]
    public void A_bred_loss_that_ignores_the_label_is_rejected_before_it_is_hashed_or_screened()
    {
        var strategy = Scripted("-log(p)", Other);

        var proposed = strategy.Propose(new Random(1));

        Assert.Equal(LossFunction.Parse(Other).Hash, proposed!.Loss.Hash);
        Assert.Equal([ScreeningStage.Accepted], strategy.Screened);
        Assert.Equal(1, strategy.Statistics.RejectedAt(ScreeningStage.Structure));
    }

    [Fact]
    public void An_island_never_proposes_the_twin_of_a_loss_it_evaluated_or_received()
    {
        var strategy = Scripted(TwinWithOne);
        strategy.Report(Candidate(Twin), 0.8);

        Assert.Null(strategy.Propose(new Random(1)));
        Assert.Equal(1, strategy.Statistics.Duplicates);
    }

    [Fact]
    public void Twins_on_two_islands_ask_for_one_evaluation()
    {
        var (a, b) = (new PendingEvaluation(Candidate(Twin)), new PendingEvaluation(Candidate(TwinWithOne)));
        var (promotedA, promotedB) = (new PendingEvaluation(Candidate(Twin), rung: 1), new PendingEvaluation(Candidate(TwinWithOne), rung: 1));

        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(promotedA.Key, promotedB.Key);
        Assert.NotEqual(a.Key, promotedA.Key);
        Assert.NotEqual(a.Key, new PendingEvaluation(Candidate(Other)).Key);
    }

    [Fact]
    public void The_hall_of_fame_holds_one_of_two_twins_and_a_higher_rung_result_of_either_replaces_it()
    {
        var hall = new HallOfFame(5);

        Assert.True(hall.Offer(HallOfFameEntry.Of(Entry("twin", LossFunction.Parse(Twin), 0.8))));
        Assert.True(hall.Offer(HallOfFameEntry.Of(Entry("other", LossFunction.Parse(Other), 0.7))));
        Assert.False(hall.Offer(HallOfFameEntry.Of(Entry("twin-with-one", LossFunction.Parse(TwinWithOne), 0.9))));
        Assert.Equal(["twin", "other"], hall.Entries.Select(e => e.Hash));

        Assert.True(hall.Offer(HallOfFameEntry.Of(Entry("twin-with-one", LossFunction.Parse(TwinWithOne), 0.75) with { Rung = 1 })));
        Assert.Equal(["twin-with-one", "other"], hall.Entries.Select(e => e.Hash));
    }

    [Fact]
    public void The_final_stage_never_trains_both_twins()
    {
        var book = new SearchBook(SearchRecord.Empty);
        book.Start(Spec(budget: 3, islands: 2, final: new FinalStageSpec { TopK = 3, Steps = 50, Seeds = 1, Baselines = [], Tune = [] }), "s", T0);
        book.Report(0, [Entry("twin", LossFunction.Parse(Twin), 0.8, island: 0), Entry("other", LossFunction.Parse(Other), 0.6, island: 0)], Island(0));
        book.Report(1, [Entry("twin-with-one", LossFunction.Parse(TwinWithOne), 0.8, island: 1) with { Shared = true }], Island(1));

        Assert.True(book.BeginFinalStageIfDue(T0));

        Assert.Equal(3, book.History.Count);
        Assert.Equal(["twin", "other"], book.HallOfFame.Select(e => e.Hash));
        Assert.Equal(["twin", "other", "ce"], book.MissingFinalJobs().Select(j => j.Arm.Name));
        Assert.Equal(["twin", "other"], new SearchBook(book.Record).HallOfFame.Select(e => e.Hash));
    }

    private static Candidate Candidate(string expression)
    {
        var loss = LossFunction.Parse(expression);
        return new Candidate(new TreeGenome(loss.Element), Funnel.Screen(loss), "random", []);
    }

    private static ScriptedStrategy Scripted(params string[] expressions) => new(Funnel, false, expressions);
}
