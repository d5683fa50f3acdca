using EvoGrains.Abstractions;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Cluster;

/// <summary>Reads a search's spec, history, hall of fame and final comparison from the cluster into a run record.</summary>
public static class SearchExporter
{
    private const int PageSize = 500;

    public static async Task<RunRecord> ReadAsync(IClusterClient client, string searchId)
    {
        var search = client.GetGrain<ISearchGrain>(searchId);
        var spec = await search.GetSpecAsync() ?? throw new InputException($"no search '{searchId}' on this cluster (see `evograins list`)");

        var status = await search.GetStatusAsync();
        var history = new List<HistoryEntry>();
        while (true)
        {
            var page = await search.GetHistoryAsync(history.Count, PageSize);
            history.AddRange(page.Entries);
            if (page.Entries.Count == 0 || history.Count >= page.Total)
            {
                break;
            }
        }

        var hall = await search.GetHallOfFameAsync();
        var comparison = await search.GetFinalComparisonAsync();
        return new RunRecord(searchId, spec, status.State, status.Failure, history, hall, RunRecord.RankedRows(comparison), comparison, status.RejectedByScreening, status.Deduplicated);
    }
}
