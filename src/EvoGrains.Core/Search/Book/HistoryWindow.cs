namespace EvoGrains.Core.Search.Book;

/// <summary>
/// Where entries [<see cref="Start"/>, <see cref="Start"/> + count) of a history of <see cref="Total"/> entries live:
/// slices of sealed pages, read in order, then <see cref="Tail"/> (already copied from the unsealed tail).
/// </summary>
public sealed record HistoryWindow(
    long Start,
    long Total,
    IReadOnlyList<PageSlice> Pages,
    IReadOnlyList<HistoryEntry> Tail);
