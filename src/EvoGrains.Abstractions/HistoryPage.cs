using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>A page of history: entries [Offset, Offset + Entries.Count) of Total.</summary>
[GenerateSerializer, Immutable, Alias("evograins.history-page")]
public sealed record HistoryPage(
    [property: Id(0)] long Offset,
    [property: Id(1)] long Total,
    [property: Id(2)] IReadOnlyList<HistoryEntry> Entries);
