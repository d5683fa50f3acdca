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
        var specJson = await search.GetSpecAsync();
        if (string.IsNullOrEmpty(specJson))
        {
            throw new InputException($"no search '{searchId}' on this cluster (see `evograins list`)");
        }

        var status = await search.GetStatusAsync();
        var history = new List<HistoryEntry>();
        while (true)
        {
            var page = await search.GetHistoryAsync(history.Count, PageSize);
            history.AddRange(page.Entries.Select(ToEntry));
            if (page.Entries.Count == 0 || history.Count >= page.Total)
            {
                break;
            }
        }

        var hall = (await search.GetHallOfFameAsync())
            .Select(h => new HallOfFameEntry(h.Hash, h.Expression, h.Fitness, h.Island, h.Operator, h.Parents))
            .ToList();
        var comparison = await search.GetFinalComparisonAsync();
        var evolved = 0;
        var rows = comparison?.Arms
            .Select(a => new ComparisonRow(a.IsBaseline ? a.Name : $"#{++evolved} {a.Name}", a.Expression, a.Mean, a.StandardDeviation, a.Fitnesses.Count, a.PValueVersusCrossEntropy, a.SecondsPerRun, a.FailedRuns))
            .ToList() ?? [];
        return new RunRecord(searchId, SearchSpecJson.Parse(specJson, searchId), status.State.ToString(), history, hall, rows, status.RejectedByScreening, status.Deduplicated);
    }

    private static HistoryEntry ToEntry(HistoryRecord h) =>
        new(h.Index, h.Hash, h.Expression, h.Island, h.Fitness, (EvaluationStatus)h.Status, h.Seconds, h.Operator, h.Parents, h.Failure);
}
