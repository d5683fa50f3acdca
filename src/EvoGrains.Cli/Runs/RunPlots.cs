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

    /// <summary>
    /// Each island's best so far (solid) and rolling median (dashed): a method that learns lifts its median.
    /// </summary>
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
            AddLine(
                plot, xs, RollingMedian(fitness, Math.Max(5, entries.Count / 10)),
                $"island {island.Key}: rolling median", color.WithAlpha(0.7), 1.5f)
                .LinePattern = LinePattern.Dashed;
        }

        Save(plot, path);
    }

    /// <summary>
    /// The true class's share of the loss (its term, x 1/C for a mean over classes) against p for the top losses and
    /// CE.
    /// </summary>
    public static void LossCurves(IReadOnlyList<(string Name, LossFunction Loss)> losses, string path)
    {
        var plot = NewPlot(
            "Loss term for the true class, t(y=1, p)", "p (predicted probability of that class)",
            "the true class's share of the loss, shifted so that its minimum is 0");
        var palette = new ScottPlot.Palettes.Category10();
        var all = new List<double>();
        for (var i = 0; i < losses.Count; i++)
        {
            var shifted = Floored(losses[i].Loss.OneHot, isTrueClass: true, scale: 1);
            all.AddRange(shifted.Where(double.IsFinite));
            AddLine(plot, CurveP, shifted, losses[i].Name, palette.GetColor(i), losses[i].Name == "ce" ? 3f : 2f);
        }

        SaveCurves(plot, all, path);
    }

    /// <summary>
    /// A found loss's two one-hot halves (solid: the true class, dashed: another class) beside CE's and its nearest
    /// known loss's, that one times the fitted scale. Each curve is shifted so its minimum is 0: a constant changes no
    /// gradient.
    /// </summary>
    public static void OneHotHalves(DescribedLoss loss, string path)
    {
        var nearest = loss.Nearest;
        var drawn = nearest is { Member.Loss.Normalized.Count: 0 };
        var beside = nearest is null
            ? ""
            : drawn ? $" and {nearest.Name}" : $" ({nearest.Name} has terms summed over classes: not drawn)";
        var plot = NewPlot(
            $"Loss {loss.Rank}: one-hot halves beside "
            + $"CE{beside}",
            "p (predicted probability of that class)",
            "one class's share of the loss, shifted so that its minimum is 0");
        var curves = new List<(string Name, OneHotHalves Halves, double Scale, Color Color, float Width)>
        {
            ($"#{loss.Rank}", loss.Loss.OneHot, 1, Colors.Blue, 2.5f),
            ("ce", LossZoo.CrossEntropy.OneHot, 1, Colors.Gray, 2f),
        };
        if (drawn)
        {
            curves.Add((nearest!.ScaledName, nearest.Member.Loss.OneHot, nearest.Scale, Colors.OrangeRed, 2f));
        }

        var all = new List<double>();
        foreach (var (name, halves, scale, color, width) in curves)
        {
            foreach (var isTrueClass in new[] { true, false })
            {
                var shifted = Floored(halves, isTrueClass, scale);
                all.AddRange(shifted.Where(double.IsFinite));
                var line = AddLine(plot, CurveP, shifted,
                    $"{name}: {(isTrueClass ? "true class, t(1, p)" : "another class, t(0, p)")}", color, width);
                line.LinePattern = isTrueClass ? LinePattern.Solid : LinePattern.Dashed;
            }
        }

        SaveCurves(plot, all, path);
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

    // p = 0.005 .. 0.995.
    private static readonly double[] CurveP = [.. Enumerable.Range(1, 199).Select(i => i / 200.0)];

    // Scale x one class's share of the loss over CurveP, shifted so that its finite minimum is 0.
    private static double[] Floored(OneHotHalves halves, bool isTrueClass, double scale)
    {
        var ts = CurveP.Select(p => scale * halves.Contribution(isTrueClass, p)).ToArray();
        var floor = ts.Where(double.IsFinite).DefaultIfEmpty(0).Min();
        return [.. ts.Select(t => double.IsFinite(t) ? t - floor : double.NaN)];
    }

    // The y axis spans the curves' 95th percentile (a term that explodes near p = 0 does not flatten the rest); CE's
    // true-class term on every plot keeps it from collapsing onto a flat curve's rounding noise.
    private static void SaveCurves(Plot plot, List<double> values, string path)
    {
        if (values.Count > 0)
        {
            values.Sort();
            var top = values[(int)(0.95 * (values.Count - 1))];
            plot.Axes.SetLimits(0, 1, -0.05 * top, top * 1.1 + 1e-9);
        }

        // Curves fill the whole panel, so their legend goes beside it.
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width + 300, Height);
    }

    internal static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter AddLine(
        Plot plot,
        double[] xs,
        double[] ys,
        string label,
        Color color,
        float width)
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
