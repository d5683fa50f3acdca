using EvoGrains.Cli.Runs;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// The benchmark's figure: per method, the median best-so-far validation fitness against training steps, with the
/// interquartile band.
/// </summary>
public static class SearchBenchPlot
{
    public static string FileName(string specName) => $"search-{specName}.png";

    public static void Save(SearchBenchResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = RunPlots.NewPlot(
            $"{result.SpecName}: best so far over {result.Repeats} searches per method (median, interquartile band)",
            "training steps spent (steps x seeds)",
            "best validation fitness so far");
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Methods.Count; i++)
        {
            var method = result.Methods[i];
            var band = method.Band.Where(b => b.Searches > 0).ToList();
            if (band.Count == 0)
            {
                continue;
            }

            var steps = band.Select(b => (double)b.TrainingSteps).ToArray();
            var color = palette.GetColor(i);
            var fill = plot.Add.FillY(
                steps, band.Select(b => b.LowerQuartile).ToArray(), band.Select(b => b.UpperQuartile).ToArray());
            fill.FillColor = color.WithAlpha(0.25);
            fill.LineColor = color.WithAlpha(0);
            var median = plot.Add.Scatter(steps, band.Select(b => b.Median).ToArray());
            median.Color = color;
            median.LineWidth = 2;
            median.MarkerSize = 0;
            median.LegendText = method.Method;
        }

        RunPlots.Save(plot, path);
    }
}
