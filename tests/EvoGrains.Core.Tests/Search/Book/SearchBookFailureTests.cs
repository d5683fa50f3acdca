using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

/// <summary>The failure rule: as many consecutive permanent failures with the same reason as there are trainers fail the search.</summary>
public sealed class SearchBookFailureTests
{
    private const string Missing = "DatasetException: /data/train-images-idx3-ubyte.gz: file not found";

    [Fact]
    public void Permanent_failures_with_one_reason_from_every_trainer_fail_the_search_with_that_reason()
    {
        var book = Started(trainers: 3);

        book.Report(0, [Failed("a", Missing), Failed("b", Missing)], Island(0), T0.AddSeconds(1));
        Assert.Equal(SearchState.Running, book.State);
        book.Report(0, [Failed("c", Missing)], Island(0), T0.AddSeconds(2));

        Assert.Equal((SearchState.Failed, Missing), (book.State, book.Failure));
        Assert.True(book.IsTerminal);
        Assert.Equal(T0.AddSeconds(2), book.EndedAt);
        var status = book.Status("s", null, T0.AddSeconds(3));
        Assert.Equal((SearchState.Failed, Missing, true), (status.State, status.Failure, status.IsTerminal));
        Assert.False(book.Cancel(T0.AddSeconds(4)));
        Assert.False(book.BeginFinalStageIfDue(T0.AddHours(1)));

        var reloaded = new SearchBook(book.Record);
        Assert.Equal((SearchState.Failed, Missing), (reloaded.State, reloaded.Failure));
    }

    [Fact]
    public void Transient_failures_differing_reasons_and_shared_results_do_not_fail_the_search()
    {
        var book = Started(trainers: 2);

        book.Report(0, [Failed("a", "TimeoutRejectedException: too slow", permanent: false), Failed("b", "TimeoutRejectedException: too slow", permanent: false)], Island(0));
        book.Report(0, [Failed("c", Missing), Failed("d", "FormatException: bad loss 'x+'")], Island(0));
        book.Report(0, [Failed("e", Missing)], Island(0));
        book.Report(0, [Failed("e", Missing) with { Shared = true, Island = 1 }], Island(0));

        Assert.Equal(SearchState.Running, book.State);
        Assert.Null(book.Status("s", null, T0).Failure);
    }

    [Fact]
    public void A_success_resets_the_streak()
    {
        var book = Started(trainers: 2);

        book.Report(0, [Failed("a", Missing), Entry("b", 0.4), Failed("c", Missing)], Island(0));
        Assert.Equal(SearchState.Running, book.State);

        book.Report(0, [Failed("d", Missing)], Island(0));
        Assert.Equal(SearchState.Failed, book.State);
    }

    [Fact]
    public void A_paused_search_can_still_fail_but_a_cancelled_one_stays_cancelled()
    {
        var book = Started(trainers: 1);
        book.Pause();
        book.Report(0, [Failed("a", Missing)], Island(0));
        Assert.Equal(SearchState.Failed, book.State);

        var cancelled = Started(trainers: 1);
        cancelled.Cancel(T0);
        cancelled.Report(0, [Failed("a", Missing)], Island(0));
        Assert.Equal((SearchState.Cancelled, null), (cancelled.State, cancelled.Failure));
    }

    private static HistoryEntry Failed(string hash, string reason, bool permanent = true) =>
        Entry(hash, 0) with { Status = EvaluationStatus.Failed, Failure = reason, Permanent = permanent };

    private static SearchBook Started(int trainers)
    {
        var book = new SearchBook(SearchRecord.Empty);
        book.Start(Spec(budget: 100) with { Trainers = new TrainerSpec { Count = trainers } }, "s", T0);
        return book;
    }
}
