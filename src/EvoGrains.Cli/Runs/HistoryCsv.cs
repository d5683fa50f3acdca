using System.Globalization;
using System.Text;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>history.csv: one row per evaluation (RFC 4180 quoting); fitness is the mean validation accuracy over the seeds at the rung.</summary>
public static class HistoryCsv
{
    public const string Header = "index,hash,expression,island,fitness,status,seconds,operator,parents,failure,rung,steps,seeds,spread";

    public static string Format(IEnumerable<HistoryEntry> history)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Header);
        foreach (var h in history)
        {
            csv.AppendLine(string.Join(',',
                h.Index.ToString(CultureInfo.InvariantCulture),
                h.Hash,
                Quote(h.Expression),
                h.Island.ToString(CultureInfo.InvariantCulture),
                h.Fitness.ToString("R", CultureInfo.InvariantCulture),
                h.Status.ToString().ToLowerInvariant(),
                h.Seconds.ToString("F3", CultureInfo.InvariantCulture),
                h.Operator,
                string.Join(' ', h.Parents),
                Quote(h.Failure ?? ""),
                h.Rung.ToString(CultureInfo.InvariantCulture),
                h.Steps.ToString(CultureInfo.InvariantCulture),
                h.Seeds.ToString(CultureInfo.InvariantCulture),
                double.IsFinite(h.Spread) ? h.Spread.ToString("R", CultureInfo.InvariantCulture) : ""));
        }

        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
