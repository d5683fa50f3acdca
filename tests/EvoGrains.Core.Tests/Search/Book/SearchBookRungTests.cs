using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

public sealed class SearchBookRungTests
{
    private static SearchBook Started(SearchSpec spec)
    {
        var book = new SearchBook(SearchRecord.Empty);
        Assert.True(book.Start(spec, "s", T0));
        return book;
    }

    [Fact]
    public void A_promoted_result_is_a_new_history_entry_and_replaces_its_hall_of_fame_entry_ranking_above_the_first_rung()
    {
        var book = Started(Spec(budget: 10));
        book.Report(0, [Entry("a", 0.9) with { Steps = 20 }, Entry("b", 0.8) with { Steps = 20 }], Island(0));
        var promoted = Entry("b", 0.7) with { Rung = 1, Steps = 60, Seeds = 2, Spread = 0.01 };
        book.Report(0, [promoted], Island(0));

        Assert.Equal(3, book.History.Count);
        Assert.Equal(["b", "a"], book.HallOfFame.Select(e => e.Hash));
        var top = book.HallOfFame[0];
        Assert.Equal((1, 2, 0.01, 0.7), (top.Rung, top.Seeds, top.Spread, top.Fitness));

        // The same result again changes nothing; a lower rung never replaces a higher one.
        book.Report(0, [promoted, Entry("b", 0.99) with { Island = 1 }], Island(0));
        Assert.Equal(4, book.History.Count);
        Assert.Equal((1, 0.7), (book.HallOfFame[0].Rung, book.HallOfFame[0].Fitness));
    }

    [Fact]
    public void Training_steps_count_steps_times_seeds_of_trained_results_and_end_the_budget()
    {
        var spec = Spec(budget: 100) with { Budget = new BudgetSpec { MaxEvaluations = 100, MaxTrainingSteps = 200 } };
        var book = Started(spec);

        book.Report(0, [Entry("a", 0.5) with { Steps = 20 }, Entry("b", 0.6) with { Steps = 20, Shared = true }], Island(0));
        Assert.Equal(20, book.TrainingSteps);
        Assert.False(book.BudgetSpent(T0));

        book.Report(0, [Entry("a", 0.6) with { Rung = 1, Steps = 60, Seeds = 3 }], Island(0));
        Assert.Equal(200, book.TrainingSteps);
        Assert.True(book.BudgetSpent(T0));

        book.Report(0, [Entry("c", 0.1) with { Steps = 20 }], Island(0));
        Assert.Equal(1, book.LateResults);
        Assert.Equal(200, book.Status("s", null, T0).TrainingSteps);
        Assert.Equal(200, new SearchBook(book.Record).TrainingSteps);
    }
}
