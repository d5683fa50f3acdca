using EvoGrains.Core.Search;
using ScottPlot;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// final-accuracy.png: each arm of the final table, its mean accuracy on the table's split with its 95% interval.
/// </summary>
public static class FinalAccuracyPlot
{
    public const string FileName = "final-accuracy.png";

    public static void Save(IReadOnlyList<ComparisonRow> rows, FinalComparison final, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(final);
        var plot = RunPlots.NewPlot(
            $"Final table: {final.Split} accuracy per arm ({final.Seeds} seeds, {final.Steps} steps)",
            "arm",
            $"mean {final.Split} accuracy, 95% interval");
        var palette = new ScottPlot.Palettes.Category10();
        AddArms(plot, rows, r => !r.IsBaseline, "found", palette.GetColor(0));
        AddArms(plot, rows, r => r.IsBaseline, "baselines", Colors.Gray);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. rows.Select((_, i) => (double)i)],
            [.. rows.Select(r => r.Name.Length <= 14 ? r.Name : r.Name[..11] + "...")]);
        plot.Axes.SetLimitsX(-0.7, rows.Count - 0.3);
        // Beside the panel, where no arm's interval can be.
        plot.ShowLegend(Edge.Right);
        RunPlots.Save(plot, path);
    }

    private static void AddArms(
        Plot plot,
        IReadOnlyList<ComparisonRow> rows,
        Func<ComparisonRow, bool> which,
        string legend,
        Color color)
    {
        var arms = rows.Select((row, i) => (Row: row, X: (double)i))
            .Where(a => which(a.Row) && double.IsFinite(a.Row.Mean))
            .ToList();
        if (arms.Count == 0)
        {
            return;
        }

        var xs = arms.Select(a => a.X).ToArray();
        var means = arms.Select(a => a.Row.Mean).ToArray();
        var bars = plot.Add.ErrorBar(
            xs,
            means,
            [.. arms.Select(a => double.IsFinite(a.Row.ConfidenceHalfWidth) ? a.Row.ConfidenceHalfWidth : 0)]);
        bars.Color = color;
        var points = plot.Add.ScatterPoints(xs, means);
        points.MarkerSize = 9;
        points.Color = color;
        points.LegendText = legend;
    }
}
