using System.Globalization;
using System.Text;
using EvoGrains.Core.Search;
using Spectre.Console;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// Comparison rows as a console table (Spectre) or as Markdown for report.md, with the same cells: mean ± std of the
/// named metric, the 95% confidence interval of the mean, Welch / paired p-values against CE and against the best
/// baseline.
/// </summary>
public static class ComparisonTable
{
    public static Table Render(IReadOnlyList<ComparisonRow> rows, string metric)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("loss");
        foreach (var heading in Headings(metric))
        {
            table.AddColumn(new TableColumn(Markup.Escape(heading)).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow(Cells(row).Select(Markup.Escape).ToArray());
        }

        return table.Caption("p: Welch / paired (same seed); best: the baseline with the highest mean");
    }

    public static string Format(IReadOnlyList<ComparisonRow> rows, string metric)
    {
        var headings = new[] { "loss" }.Concat(Headings(metric)).ToArray();
        var cells = rows.Select(Cells).ToList();
        var widths = headings.Select((h, c) => cells.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        var table = new StringBuilder();
        table.AppendLine("| " + string.Join(" | ", headings.Select((h, c) => h.PadRight(widths[c]))) + " |");
        table.AppendLine("|-" + string.Join("-|-", widths.Select(w => new string('-', w))) + "-|");
        foreach (var row in cells)
        {
            table.AppendLine("| " + string.Join(" | ", row.Select((cell, c) =>
                c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + " |");
        }

        return table.ToString();
    }

    // p cells read "Welch / paired"; "best" is the baseline with the highest mean.
    private static string[] Headings(string metric) => [metric, "95% CI", "p vs CE", "p vs best", "s/run", "failed"];

    private static string[] Cells(ComparisonRow row) =>
    [
        row.Name,
        Invariant($"{row.Mean:F4} ± {row.StandardDeviation:F4} (n={row.Runs})"),
        double.IsNaN(row.ConfidenceHalfWidth)
            ? "—"
            : Invariant($"{row.Mean - row.ConfidenceHalfWidth:F4}–{row.Mean + row.ConfidenceHalfWidth:F4}"),
        Pair(row.PValueVsCe, row.PairedPValueVsCe),
        Pair(row.PValueVsBestBaseline, row.PairedPValueVsBestBaseline),
        double.IsNaN(row.SecondsPerRun) ? "—" : row.SecondsPerRun.ToString("F1", CultureInfo.InvariantCulture),
        row.FailedRuns.ToString(CultureInfo.InvariantCulture),
    ];

    internal static string Pair(double welch, double paired) =>
        double.IsNaN(welch) && double.IsNaN(paired) ? "—" : $"{P(welch)} / {P(paired)}";

    private static string P(double p) => double.IsNaN(p) ? "—" : p.ToString("F3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
