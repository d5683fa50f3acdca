using EvoGrains.Abstractions;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// Reads a search's spec, history, hall of fame and final comparison from the cluster into a run record.
/// </summary>
public static class SearchExporter
{
    private const int PageSize = 500;

    public static async Task<RunRecord> ReadAsync(IClusterClient client, string searchId)
    {
        var search = client.GetGrain<ISearchGrain>(searchId);
        var spec = await search.GetSpecAsync()
            ?? throw new InputException($"no search '{searchId}' on this cluster (see `evograins list`)");

        var status = await search.GetStatusAsync();
        var history = await ReadHistoryAsync(search, from: 0);

        var hall = await search.GetHallOfFameAsync();
        var comparison = await search.GetFinalComparisonAsync();
        return new RunRecord(
            searchId, spec, status.State, status.Failure, history, hall, RunRecord.RankedRows(comparison, hall),
            comparison, status.RejectedByScreening, status.Deduplicated)
        {
            LateResults = status.LateResults,
            CancelledTrainings = status.CancelledTrainings,
        };
    }

    /// <summary>The history from index <paramref name="from"/> to its current end, page by page.</summary>
    public static async Task<List<HistoryEntry>> ReadHistoryAsync(ISearchGrain search, long from)
    {
        ArgumentNullException.ThrowIfNull(search);
        var history = new List<HistoryEntry>();
        while (true)
        {
            var page = await search.GetHistoryAsync(from + history.Count, PageSize);
            history.AddRange(page.Entries);
            if (page.Entries.Count == 0 || from + history.Count >= page.Total)
            {
                return history;
            }
        }
    }
}
