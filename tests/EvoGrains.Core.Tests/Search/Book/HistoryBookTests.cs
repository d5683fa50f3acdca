using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

public sealed class HistoryBookTests
{
    [Fact]
    public void Full_pages_leave_the_tail_and_windows_span_pages_and_tail()
    {
        var history = new HistoryBook([], 0, new Dictionary<int, long>());
        for (var i = 0; i < HistoryBook.PageSize * 2 + 10; i++)
        {
            history.Append(Entry($"h{i}", 0.5));
        }

        Assert.Equal(HistoryBook.PageSize, history.PageToSeal!.Count);
        history.PageSealed();
        history.PageSealed();
        Assert.Null(history.PageToSeal);

        var window = history.Window(HistoryBook.PageSize - 4, HistoryBook.PageSize + 8);

        Assert.Equal([new PageSlice(0, HistoryBook.PageSize - 4, 4), new PageSlice(1, 0, HistoryBook.PageSize)], window.Pages);
        Assert.Equal(["h128", "h129", "h130", "h131"], window.Tail.Select(e => e.Hash));
        Assert.Equal((HistoryBook.PageSize - 4, HistoryBook.PageSize * 2L + 10), (window.Start, window.Total));
    }

    [Fact]
    public void Windows_clamp_to_the_history()
    {
        var history = new HistoryBook([Entry("a", 0.1) with { Index = 64 }], 1, new Dictionary<int, long>());
        var window = history.Window(60, 1000);
        Assert.Equal((60L, 65L), (window.Start, window.Total));
        Assert.Equal([new PageSlice(0, 60, 4)], window.Pages);
        Assert.Single(window.Tail);
        Assert.Empty(history.Window(500, 5).Tail);
    }

    [Fact]
    public void A_result_is_new_only_above_its_islands_high_water_mark_which_the_record_carries()
    {
        // Island 0 counted up to 7 before the search reactivated (its sealed pages are not read).
        var history = new HistoryBook([], 3, new Dictionary<int, long> { [0] = 7 });

        Assert.False(history.IsNew(Sequenced("resent", island: 0, 7)));
        Assert.False(history.IsNew(Sequenced("older", island: 0, 2)));
        Assert.True(history.IsNew(Sequenced("next", island: 0, 8)));
        Assert.False(history.IsNew(Sequenced("next", island: 0, 8)));
        Assert.True(history.IsNew(Sequenced("first", island: 1, 1)));
        Assert.False(history.IsNew(Sequenced("never numbered", island: 2, 0)));

        Assert.Equal(new Dictionary<int, long> { [0] = 8, [1] = 1 }, history.Reported);
    }

    private static HistoryEntry Sequenced(string hash, int island, long sequence) => Entry(hash, 0.5, island) with { Sequence = sequence };
}
