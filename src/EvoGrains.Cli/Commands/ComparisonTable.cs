using System.Globalization;
using System.Text;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>Formats comparison rows as an aligned text table (also valid Markdown).</summary>
public static class ComparisonTable
{
    public static string Format(IReadOnlyList<ComparisonRow> rows, string metric)
    {
        var table = new StringBuilder();
        var width = Math.Max(4, rows.Max(r => r.Name.Length));
        table.AppendLine(CultureInfo.InvariantCulture, $"| {"loss".PadRight(width)} | {metric,-22} | p vs CE | s/run | failed |");
        table.AppendLine(CultureInfo.InvariantCulture, $"|-{new string('-', width)}-|-{new string('-', 22)}-|---------|-------|--------|");
        foreach (var row in rows)
        {
            var accuracy = string.Create(CultureInfo.InvariantCulture, $"{row.Mean:F4} ± {row.StandardDeviation:F4} (n={row.Runs})");
            var p = double.IsNaN(row.PValueVsCe) ? "—" : row.PValueVsCe.ToString("F3", CultureInfo.InvariantCulture);
            var seconds = double.IsNaN(row.SecondsPerRun) ? "—" : row.SecondsPerRun.ToString("F1", CultureInfo.InvariantCulture);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name.PadRight(width)} | {accuracy,-22} | {p,7} | {seconds,5} | {row.FailedRuns,6} |");
        }

        return table.ToString();
    }
}
