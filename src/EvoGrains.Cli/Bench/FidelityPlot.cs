using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Cli.Runs;
using ScottPlot;

namespace EvoGrains.Cli.Bench;

/// <summary>
/// The fidelity figure: each loss's first-rung validation accuracy against its final-budget test accuracy.
/// </summary>
public static class FidelityPlot
{
    public static string FileName(string specName) => $"fidelity-{specName}.png";

    public static void Save(FidelityBenchmarkResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = RunPlots.NewPlot(
            $"{result.SpecName}: first rung against the final budget",
            $"first rung: validation accuracy ({result.FirstRung.Steps} steps, "
            + $"mean of {result.FirstRung.Seeds.Count} seed(s))",
            $"final budget: test accuracy ({result.Final.Steps} steps, mean of {result.Final.Seeds.Count} seeds)");
        var palette = new ScottPlot.Palettes.Category10();
        AddPoints(
            plot, result.Rows.Where(r => !r.IsBaseline).ToList(), "screened candidates", palette.GetColor(0),
            label: false);
        AddPoints(plot, result.Rows.Where(r => r.IsBaseline).ToList(), "baselines", palette.GetColor(3), label: true);
        RunPlots.Save(plot, path);
    }

    private static void AddPoints(Plot plot, IReadOnlyList<FidelityRow> rows, string legend, Color color, bool label)
    {
        var shown = rows.Where(r => double.IsFinite(r.FirstRungMean) && double.IsFinite(r.FinalMean)).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var points = plot.Add.ScatterPoints(
            shown.Select(r => r.FirstRungMean).ToArray(), shown.Select(r => r.FinalMean).ToArray());
        points.MarkerSize = 8;
        points.Color = color;
        points.LegendText = legend;
        if (label)
        {
            foreach (var row in shown)
            {
                plot.Add.Text(row.Name, row.FirstRungMean, row.FinalMean).LabelFontSize = 11;
            }
        }
    }
}
