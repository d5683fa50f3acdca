using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

public sealed class SearchBookTests
{
    [Fact]
    public void Start_validates_is_idempotent_for_the_same_spec_and_refuses_another()
    {
        var book = new SearchBook(SearchRecord.Empty);
        var invalid = Spec() with { Islands = new IslandSpec { Methods = ["gp"], Space = "cell" } };

        var error = Assert.Throws<ArgumentException>(() => book.Start(invalid, "s", T0));
        Assert.Contains("islands.methods", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => book.Start(Spec(), "a/b", T0));
        Assert.Equal(SearchState.Created, book.State);

        Assert.True(book.Start(Spec(), "s", T0));
        Assert.False(book.Start(Spec(), "s", T0.AddSeconds(5)));
        Assert.Equal(T0, book.StartedAt);
        Assert.Throws<InvalidOperationException>(() => book.Start(Spec(budget: 6), "s", T0));
    }

    [Fact]
    public void A_report_before_the_spec_is_known_is_not_taken()
    {
        var book = new SearchBook(SearchRecord.Empty);

        Assert.False(book.Report(0, [Entry("a", 0.5)], Island(0)));
        Assert.Equal(0, book.History.Count);
    }

    [Fact]
    public void The_history_holds_exactly_the_budget_and_counts_the_rest_late()
    {
        var book = Started(Spec(budget: 3));

        var a = Entry("a", 0.5);
        Assert.True(book.Report(0, [a, Entry("b", 0.7), a], Island(0)));
        Assert.True(book.Report(0, [Entry("c", 0.6), Entry("d", 0.9)], Island(0)));

        Assert.Equal(3, book.History.Count);
        Assert.Equal([0L, 1, 2], book.History.Tail.Select(h => h.Index));
        Assert.Equal(1, book.LateResults);
        Assert.Equal(["b", "c", "a"], book.HallOfFame.Select(h => h.Hash));
        Assert.True(book.BeginFinalStageIfDue(T0));
        Assert.Equal(SearchState.FinalStage, book.State);
        Assert.False(book.BeginFinalStageIfDue(T0));
    }

    [Fact]
    public void The_same_hash_from_another_island_counts_and_the_time_limit_ends_the_search()
    {
        var book = Started(Spec(budget: 100, islands: 2) with { Budget = new BudgetSpec { MaxEvaluations = 100, MaxMinutes = 1 } });
        book.Report(0, [Entry("a", 0.5, island: 0)], Island(0));
        book.Report(1, [Entry("a", 0.5, island: 1)], Island(1));

        Assert.Equal(2, book.History.Count);
        Assert.False(book.BeginFinalStageIfDue(T0.AddSeconds(59)));
        Assert.True(book.BeginFinalStageIfDue(T0.AddMinutes(1)));
    }

    [Fact]
    public void Exhausted_islands_with_nothing_in_flight_end_the_search()
    {
        var book = Started(Spec(budget: 100, islands: 2));
        book.Report(0, [], Island(0, exhausted: true));
        Assert.False(book.BudgetSpent(T0));
        book.Report(1, [], Island(1, exhausted: true, inFlight: 1));
        Assert.False(book.BudgetSpent(T0));

        book.Report(1, [], Island(1, exhausted: true));

        Assert.True(book.BudgetSpent(T0));
    }

    [Fact]
    public void Pause_resume_and_cancel_move_only_from_their_states()
    {
        var book = new SearchBook(SearchRecord.Empty);
        Assert.False(book.Pause());
        Assert.False(book.Cancel(T0));
        book.Start(Spec(), "s", T0);

        Assert.False(book.Resume());
        Assert.True(book.Pause());
        Assert.False(book.Pause());
        Assert.True(book.Resume());
        Assert.True(book.Cancel(T0.AddSeconds(3)));
        Assert.False(book.Cancel(T0.AddSeconds(4)));
        Assert.False(book.Resume());
        Assert.Equal((SearchState.Cancelled, T0.AddSeconds(3)), (book.State, book.EndedAt));
        Assert.True(book.Report(0, [Entry("late", 0.9)], Island(0)));
        Assert.Equal((0L, 1L), (book.History.Count, book.LateResults));
    }

    [Fact]
    public void A_record_restores_the_same_book()
    {
        var book = Started(Spec(budget: 10));
        var (a, b) = (Entry("a", 0.5), Entry("b", 0.8));
        book.Report(0, [a, b], Island(0));
        book.Pause();

        var restored = new SearchBook(book.Record);
        restored.Report(0, [a, b, Entry("c", 0.6)], Island(0));

        Assert.Equal(SearchState.Paused, restored.State);
        Assert.Equal(3, restored.History.Count);
        Assert.Equal(0, restored.LateResults);
        Assert.Equal(["b", "c", "a"], restored.HallOfFame.Select(h => h.Hash));
    }

    [Fact]
    public void A_resent_report_and_an_out_of_date_sequence_are_ignored_also_by_a_book_restored_from_its_record()
    {
        var book = Started(Spec(budget: 10, islands: 2));
        var report = new[] { Entry("a", 0.5) with { Sequence = 1 }, Entry("b", 0.6) with { Sequence = 2 } };
        book.Report(0, report, Island(0));
        book.Report(0, report, Island(0));
        Assert.Equal(2, book.History.Count);

        var restored = new SearchBook(book.Record);
        restored.Report(0, report, Island(0));
        restored.Report(0, [Entry("stale", 0.9) with { Sequence = 1 }, Entry("c", 0.7) with { Sequence = 3 }], Island(0));
        restored.Report(1, [Entry("a", 0.5, island: 1) with { Sequence = 1 }], Island(1));

        Assert.Equal(["a", "b", "c", "a"], restored.History.Tail.Select(h => h.Hash));
        Assert.Equal([0, 0, 0, 1], restored.History.Tail.Select(h => h.Island));
        Assert.Equal(0, restored.LateResults);
        Assert.Equal(new Dictionary<int, long> { [0] = 3, [1] = 1 }, restored.Record.Reported);
    }

    [Fact]
    public void Status_projects_counts_islands_and_utilisation()
    {
        var book = Started(Spec(budget: 10, islands: 2) with { Trainers = new TrainerSpec { Count = 2 } });
        book.Report(1, [Entry("b", 0.8)], Island(1, inFlight: 2));
        book.Report(0, [Entry("a", 0.5)], Island(0, inFlight: 1));

        var status = book.Status("s", busySeconds: 60, T0.AddMinutes(1));

        Assert.Equal((2L, 10, 3, 6L, 6L), (status.EvaluationsDone, status.MaxEvaluations, status.InFlight, status.RejectedByScreening, status.Deduplicated));
        Assert.Equal([0, 1], status.Islands.Select(i => i.Island));
        Assert.Equal((0.8, "expr-b"), (status.BestFitness, status.BestExpression));
        Assert.Equal(2.0, status.EvaluationsPerMinute, 9);
        Assert.Equal(0.5, status.TrainerUtilisation, 9);
    }

    private static SearchBook Started(SearchSpec spec)
    {
        var book = new SearchBook(SearchRecord.Empty);
        book.Start(spec, "s", T0);
        return book;
    }
}
