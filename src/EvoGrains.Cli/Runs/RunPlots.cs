using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using ScottPlot;

namespace EvoGrains.Cli.Runs;

/// <summary>The run folder's PNG plots: fitness over evaluations (overall and per island) and loss curves.</summary>
public static class RunPlots
{
    private const int Width = 1000;
    private const int Height = 560;

    /// <summary>Best-so-far and rolling median fitness over evaluations.</summary>
    public static void Fitness(IReadOnlyList<HistoryEntry> history, string path)
    {
        var plot = NewPlot("Fitness over evaluations", "evaluation", "fitness (validation accuracy)");
        var xs = history.Select(h => (double)h.Index + 1).ToArray();
        var fitness = history.Select(h => h.Fitness).ToArray();
        var points = plot.Add.ScatterPoints(xs, fitness);
        points.MarkerSize = 4;
        points.Color = Colors.Gray.WithAlpha(0.45);
        points.LegendText = "each evaluation";
        AddLine(plot, xs, RunningBest(fitness), "best so far", Colors.Blue, 2.5f);
        AddLine(plot, xs, RollingMedian(fitness, Math.Max(5, history.Count / 20)), "rolling median", Colors.Orange, 2f);
        Save(plot, path);
    }

    /// <summary>Each island's best so far (solid) and rolling median (dashed): a method that learns lifts its median.</summary>
    public static void Islands(IReadOnlyList<HistoryEntry> history, Func<int, string> method, string path)
    {
        var plot = NewPlot("Fitness per island", "evaluation (whole search)", "fitness");
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var island in history.GroupBy(h => h.Island).OrderBy(g => g.Key))
        {
            var entries = island.OrderBy(h => h.Index).ToList();
            var xs = entries.Select(h => (double)h.Index + 1).ToArray();
            var fitness = entries.Select(h => h.Fitness).ToArray();
            var color = palette.GetColor(island.Key);
            AddLine(plot, xs, RunningBest(fitness), $"island {island.Key} ({method(island.Key)}): best", color, 2.5f);
            AddLine(plot, xs, RollingMedian(fitness, Math.Max(5, entries.Count / 10)), $"island {island.Key}: rolling median", color.WithAlpha(0.7), 1.5f)
                .LinePattern = LinePattern.Dashed;
        }

        Save(plot, path);
    }

    /// <summary>t(y, p) against p for the top losses and CE, for the true class (y=1) or another class (y=0).</summary>
    public static void LossCurves(IReadOnlyList<(string Name, LossFunction Loss)> losses, double y, string path)
    {
        var title = y == 1 ? "Loss term for the true class, t(y=1, p)" : "Loss term for another class, t(y=0, p)";
        var plot = NewPlot(title, "p (predicted probability of that class)", "t(y, p), shifted so that its minimum is 0");
        var ps = Enumerable.Range(1, 199).Select(i => i / 200.0).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        var all = new List<double>();
        for (var i = 0; i < losses.Count; i++)
        {
            var element = CompiledExpression.Compile(losses[i].Loss.Element);
            var ts = ps.Select(p => element.Evaluate(y, p, Math.Log(p))).ToArray();
            var finite = ts.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
            // Losses differ by constants and scale; shifting to a common floor makes their shapes comparable.
            var floor = finite.Min();
            var shifted = ts.Select(t => double.IsFinite(t) ? t - floor : double.NaN).ToArray();
            all.AddRange(shifted.Where(double.IsFinite));
            AddLine(plot, ps, shifted, losses[i].Name, palette.GetColor(i), losses[i].Name == "ce" ? 3f : 2f);
        }

        if (all.Count > 0)
        {
            all.Sort();
            var top = all[(int)(0.95 * (all.Count - 1))];
            plot.Axes.SetLimits(0, 1, -0.05 * top, top * 1.1 + 1e-9);
        }

        // Curves fill the whole panel, so their legend goes beside it.
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width + 300, Height);
    }

    internal static double[] RunningBest(double[] values)
    {
        var best = new double[values.Length];
        var current = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            current = double.IsNaN(values[i]) ? current : Math.Max(current, values[i]);
            best[i] = current;
        }

        return best;
    }

    internal static double[] RollingMedian(double[] values, int window)
    {
        var medians = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var slice = values[Math.Max(0, i - window + 1)..(i + 1)].Order().ToArray();
            medians[i] = slice[slice.Length / 2];
        }

        return medians;
    }

    internal static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, double[] xs, double[] ys, string label, Color color, float width)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = width;
        return line;
    }

    internal static void Save(Plot plot, string path)
    {
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }
}
