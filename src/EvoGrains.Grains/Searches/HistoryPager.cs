using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>Moves a search's full history pages into page grains and reads windows of the history back.</summary>
public sealed partial class HistoryPager(IGrainFactory grains, string searchId, ILogger logger)
{
    private Task sealing = Task.CompletedTask;

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

    /// <summary>Starts sealing when a page is full and no sealing runs; reports keep appending meanwhile.</summary>
    public void SealIfDue(HistoryBook history, Func<Task> commit)
    {
        if (history.PageToSeal is not null && sealing.IsCompleted)
        {
            sealing = SealAsync(history, commit);
        }
    }

    // Page first, then the search's own write, so a crash in between only writes the same page again.
    private async Task SealAsync(HistoryBook history, Func<Task> commit)
    {
        try
        {
            while (history.PageToSeal is { } page)
            {
                await Page(history.SealedPages).WriteAsync(page);
                history.PageSealed();
                await commit();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The entries stay in the tail; the next report seals them.
            LogSealFailed(logger, error, searchId);
        }
    }

    private IHistoryPageGrain Page(int number) => grains.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, number));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {SearchId}: sealing a history page failed; the next report tries again")]
    private static partial void LogSealFailed(ILogger logger, Exception error, string searchId);
}
