using MathNet.Numerics.Statistics;

namespace EvoGrains.Core.Search;

/// <summary>
/// A search's best-so-far curve against its cost: after each result (in history order), the training steps spent so
/// far and the best fitness seen so far; and the median and interquartile band of such curves over repeated searches.
/// </summary>
public static class BestSoFar
{
    public static IReadOnlyList<BestSoFarPoint> Curve(IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var points = new List<BestSoFarPoint>();
        long steps = 0;
        var best = double.NegativeInfinity;
        foreach (var entry in history.OrderBy(h => h.Index))
        {
            steps += entry.TrainingSteps;
            best = double.IsFinite(entry.Fitness) ? Math.Max(best, entry.Fitness) : best;
            points.Add(new BestSoFarPoint(steps, best));
        }

        return points;
    }

    /// <summary>
    /// The best fitness once <paramref name="steps"/> training steps were spent; NaN before the first result.
    /// </summary>
    public static double At(IReadOnlyList<BestSoFarPoint> curve, long steps)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var best = double.NaN;
        foreach (var point in curve)
        {
            if (point.TrainingSteps > steps)
            {
                break;
            }

            best = double.IsNegativeInfinity(point.Fitness) ? double.NaN : point.Fitness;
        }

        return best;
    }

    /// <summary>
    /// At each of <paramref name="points"/> evenly spaced step counts up to <paramref name="budget"/>: the median and
    /// quartiles over the curves that have a value there.
    /// </summary>
    public static IReadOnlyList<BestSoFarBand> Band(
        IReadOnlyList<IReadOnlyList<BestSoFarPoint>> curves,
        long budget,
        int points)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        return Enumerable.Range(1, points).Select(i =>
        {
            var steps = budget * i / points;
            var values = curves.Select(c => At(c, steps)).Where(double.IsFinite).ToArray();
            return values.Length == 0
                ? new BestSoFarBand(steps, double.NaN, double.NaN, double.NaN, 0)
                : new BestSoFarBand(
                    steps, Quartile(values, 0.25), Quartile(values, 0.5), Quartile(values, 0.75), values.Length);
        }).ToList();
    }

    // Numpy's default quantile, so the numbers can be checked with any tool.
    private static double Quartile(double[] values, double tau) =>
        Statistics.QuantileCustom(values, tau, QuantileDefinition.R7);
}
