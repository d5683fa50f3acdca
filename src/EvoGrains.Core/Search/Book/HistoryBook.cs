namespace EvoGrains.Core.Search.Book;

/// <summary>
/// A search's history: full pages of <see cref="PageSize"/> entries are sealed elsewhere, the rest stays in the
/// tail. Every island result counts once: islands number their results 1, 2, 3... (<see cref="HistoryEntry.Sequence"/>)
/// and send them in that order, so a result is new iff its sequence is above the island's high-water mark
/// (<see cref="Reported"/>, part of the durable record). A resent result is ignored, and a reactivated search knows
/// what it counted from the record alone, without reading the sealed pages.
/// </summary>
public sealed class HistoryBook
{
    public const int PageSize = 64;

    private readonly List<HistoryEntry> tail;
    private readonly Dictionary<int, long> reported;

    public HistoryBook(IEnumerable<HistoryEntry> tail, int sealedPages, IReadOnlyDictionary<int, long> reported)
    {
        this.tail = [.. tail];
        SealedPages = sealedPages;
        this.reported = new Dictionary<int, long>(reported);
    }

    public int SealedPages { get; private set; }

    public long Count => ((long)SealedPages * PageSize) + tail.Count;

    public IReadOnlyList<HistoryEntry> Tail => tail;

    /// <summary>The oldest full page still in the tail, or null.</summary>
    public IReadOnlyList<HistoryEntry>? PageToSeal => tail.Count >= PageSize ? tail.GetRange(0, PageSize) : null;

    /// <summary>
    /// Each island's high-water mark: the highest sequence counted (taken into the history or counted late).
    /// </summary>
    public IReadOnlyDictionary<int, long> Reported => reported;

    /// <summary>
    /// True, and the island's mark moves up to it, when the entry's sequence is above its island's mark.
    /// </summary>
    public bool IsNew(HistoryEntry entry)
    {
        if (entry.Sequence <= reported.GetValueOrDefault(entry.Island))
        {
            return false;
        }

        reported[entry.Island] = entry.Sequence;
        return true;
    }

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
