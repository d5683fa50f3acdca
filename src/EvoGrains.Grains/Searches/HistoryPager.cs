using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>Moves a search's full history pages into page grains and reads windows of the history back.</summary>
public sealed partial class HistoryPager(IGrainFactory grains, string searchId, ILogger logger)
{
    public async Task<HistoryPage> ReadAsync(HistoryWindow window)
    {
        var entries = new List<HistoryEntry>();
        foreach (var slice in window.Pages)
        {
            entries.AddRange((await Page(slice.Page).ReadAsync()).Skip(slice.From).Take(slice.Take));
        }

        entries.AddRange(window.Tail);
        return new HistoryPage(window.Start, window.Total, entries);
    }

    /// <summary>
    /// Seals every full page of the tail; the search awaits it in the turn that filled the page, so nothing appends
    /// meanwhile, and writes itself afterwards. Pages first, then the search's own write, so a crash in between only
    /// writes the same pages again.
    /// </summary>
    public async Task SealDueAsync(HistoryBook history)
    {
        try
        {
            while (history.PageToSeal is { } page)
            {
                await Page(history.SealedPages).WriteAsync(page);
                history.PageSealed();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The entries stay in the tail; the next report seals them.
            LogSealFailed(logger, error, searchId);
        }
    }

    private IHistoryPageGrain Page(int number) =>
        grains.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, number));

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Search {SearchId}: sealing a history page failed; the next report tries again")]
    private static partial void LogSealFailed(ILogger logger, Exception error, string searchId);
}
