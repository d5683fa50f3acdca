using System.Globalization;
using System.Text;
using EvoGrains.Core.Search;
using Spectre.Console;

namespace EvoGrains.Cli.Commands;

/// <summary>Comparison rows as a console table (Spectre) or as Markdown for report.md, with the same cells.</summary>
public static class ComparisonTable
{
    public static Table Render(IReadOnlyList<ComparisonRow> rows, string metric)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("loss");
        foreach (var heading in new[] { metric, "p vs CE", "s/run", "failed" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(heading)).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow(Cells(row).Select(Markup.Escape).ToArray());
        }

        return table;
    }

    public static string Format(IReadOnlyList<ComparisonRow> rows, string metric)
    {
        var table = new StringBuilder();
        var width = Math.Max(4, rows.Max(r => r.Name.Length));
        table.AppendLine(CultureInfo.InvariantCulture, $"| {"loss".PadRight(width)} | {metric,-22} | p vs CE | s/run | failed |");
        table.AppendLine(CultureInfo.InvariantCulture, $"|-{new string('-', width)}-|-{new string('-', 22)}-|---------|-------|--------|");
        foreach (var row in rows)
        {
            var cells = Cells(row);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {cells[0].PadRight(width)} | {cells[1],-22} | {cells[2],7} | {cells[3],5} | {cells[4],6} |");
        }

        return table.ToString();
    }

    private static string[] Cells(ComparisonRow row) =>
    [
        row.Name,
        string.Create(CultureInfo.InvariantCulture, $"{row.Mean:F4} ± {row.StandardDeviation:F4} (n={row.Runs})"),
        double.IsNaN(row.PValueVsCe) ? "—" : row.PValueVsCe.ToString("F3", CultureInfo.InvariantCulture),
        double.IsNaN(row.SecondsPerRun) ? "—" : row.SecondsPerRun.ToString("F1", CultureInfo.InvariantCulture),
        row.FailedRuns.ToString(CultureInfo.InvariantCulture),
    ];
}
