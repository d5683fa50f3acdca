using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>
/// A sealed, full page of a search's history (key "{search}/history/{n}", see <see cref="GrainKeys"/>).
/// The search writes each page once when it fills, so its own state holds only the unsealed tail.
/// </summary>
[Alias("evograins.IHistoryPageGrain")]
public interface IHistoryPageGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the page; writing the same page again (after a crash between page and search writes) is harmless.
    /// </summary>
    [Alias("Write")]
    Task WriteAsync(IReadOnlyList<HistoryEntry> records);

    [Alias("Read"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<HistoryEntry>> ReadAsync();
}
