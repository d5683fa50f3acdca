namespace EvoGrains.Core.Search;

/// <summary>
/// The mean rank across settings (METHODS.md §9, NLFS's and NGL's summary of transfer): each arm's rank by mean
/// accuracy in the test table and in every transfer table (1 is the best; ties share the mean of their ranks; an arm
/// with no finite mean ranks last), and the mean of its ranks. Rows are ordered by mean rank, ties in the test table's
/// order.
/// </summary>
public sealed record RankSummary(IReadOnlyList<string> Settings, IReadOnlyList<RankSummaryRow> Rows)
{
    /// <summary>The test table's name among the settings.</summary>
    public const string TestTable = "test table";

    /// <summary>The test table and the transfer tables of <paramref name="final"/>.</summary>
    public static RankSummary Of(FinalComparison final)
    {
        ArgumentNullException.ThrowIfNull(final);
        return Of([(TestTable, final.Rows), .. final.Transfer.Select(t => (t.Name, t.Rows))]);
    }

    /// <summary>Ranks the arms of the first table (by name) in every table.</summary>
    public static RankSummary Of(IReadOnlyList<(string Setting, IReadOnlyList<ComparisonRow> Rows)> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            return new RankSummary([], []);
        }

        var ranks = tables.Select(t => Ranks(t.Rows)).ToList();
        var rows = tables[0].Rows
            .Select(arm =>
            {
                var armRanks = ranks.Select(r => r.TryGetValue(arm.Name, out var rank) ? rank : double.NaN).ToList();
                var known = armRanks.Where(double.IsFinite).ToList();
                return new RankSummaryRow(
                    arm.Name, arm.IsBaseline, armRanks, known.Count == 0 ? double.NaN : known.Average());
            })
            .Select((row, order) => (row, order))
            .OrderBy(r => double.IsNaN(r.row.MeanRank) ? double.PositiveInfinity : r.row.MeanRank)
            .ThenBy(r => r.order)
            .Select(r => r.row)
            .ToList();
        return new RankSummary(tables.Select(t => t.Setting).ToList(), rows);
    }

    // Fractional ("average") ranks by mean, descending; a NaN mean counts as the lowest.
    private static Dictionary<string, double> Ranks(IReadOnlyList<ComparisonRow> rows)
    {
        var ordered = rows.Select(r => (r.Name, Mean: double.IsFinite(r.Mean) ? r.Mean : double.NegativeInfinity))
            .OrderByDescending(r => r.Mean).ToList();
        var ranks = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end + 1 < ordered.Count && ordered[end + 1].Mean.Equals(ordered[start].Mean))
            {
                end++;
            }

            var rank = ((start + 1) + (end + 1)) / 2.0;
            for (var i = start; i <= end; i++)
            {
                ranks.TryAdd(ordered[i].Name, rank);
            }

            start = end + 1;
        }

        return ranks;
    }
}
