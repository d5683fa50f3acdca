namespace EvoGrains.Core.Search.Book;

/// <summary>
/// A search's history: full pages of <see cref="PageSize"/> entries are sealed elsewhere, the rest stays in the
/// tail. Every (island, hash, rung) counts once, so a resent result is ignored.
/// </summary>
public sealed class HistoryBook
{
    public const int PageSize = 64;

    private readonly List<HistoryEntry> tail;
    private readonly HashSet<(int Island, string Hash, int Rung)> counted = [];

    public HistoryBook(IEnumerable<HistoryEntry> tail, int sealedPages)
    {
        this.tail = [.. tail];
        SealedPages = sealedPages;
        Remember(this.tail);
    }

    public int SealedPages { get; private set; }

    public long Count => ((long)SealedPages * PageSize) + tail.Count;

    public IReadOnlyList<HistoryEntry> Tail => tail;

    /// <summary>The oldest full page still in the tail, or null.</summary>
    public IReadOnlyList<HistoryEntry>? PageToSeal => tail.Count >= PageSize ? tail.GetRange(0, PageSize) : null;

    /// <summary>Entries of sealed pages read back on activation, so their results are not counted again.</summary>
    public void Remember(IEnumerable<HistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            counted.Add((entry.Island, entry.Hash, entry.Rung));
        }
    }

    /// <summary>False when this (island, hash, rung) was already counted.</summary>
    public bool IsNew(HistoryEntry entry) => counted.Add((entry.Island, entry.Hash, entry.Rung));

    public HistoryEntry Append(HistoryEntry entry)
    {
        var indexed = entry with { Index = Count };
        tail.Add(indexed);
        return indexed;
    }

    /// <summary>The page <see cref="PageToSeal"/> returned is stored: its entries leave the tail.</summary>
    public void PageSealed()
    {
        tail.RemoveRange(0, PageSize);
        SealedPages++;
    }

    public HistoryWindow Window(long offset, int count)
    {
        var total = Count;
        var sealedEntries = (long)SealedPages * PageSize;
        var start = Math.Clamp(offset, 0, total);
        var end = start + Math.Clamp(count, 0, total - start);
        var pages = new List<PageSlice>();
        var index = start;
        while (index < Math.Min(end, sealedEntries))
        {
            var page = (int)(index / PageSize);
            var from = (int)(index - ((long)page * PageSize));
            var take = (int)Math.Min(PageSize - from, Math.Min(end, sealedEntries) - index);
            pages.Add(new PageSlice(page, from, take));
            index += take;
        }

        var tailFrom = (int)(Math.Max(index, sealedEntries) - sealedEntries);
        var tailTake = (int)Math.Max(0, end - Math.Max(index, sealedEntries));
        return new HistoryWindow(start, total, pages, tail.GetRange(tailFrom, tailTake));
    }
}
