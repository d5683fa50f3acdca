using MathNet.Numerics.Distributions;

namespace EvoGrains.Core.Search;

/// <summary>
/// Paired t-test over seeds: run i of one loss against run i of the other (same seed, same data order),
/// which removes the seed-to-seed spread both share. Pairs where either run is missing are skipped.
/// </summary>
/// <remarks>
/// Fewer than 2 pairs: undefined (NaN). All differences equal: p = 1 when they are 0, otherwise t = ±∞
/// and p = NaN, as <see cref="WelchTTest"/> treats zero variance.
/// </remarks>
public static class PairedTTest
{
    public static TTestResult Compare(IReadOnlyList<double?> first, IReadOnlyList<double?> second)
    {
        var differences = first.Zip(second)
            .Where(pair => pair.First is { } a && pair.Second is { } b && double.IsFinite(a) && double.IsFinite(b))
            .Select(pair => pair.First!.Value - pair.Second!.Value)
            .ToList();
        if (differences.Count < 2)
        {
            return TTestResult.Undefined;
        }

        var summary = SampleSummary.Of(differences);
        var degreesOfFreedom = differences.Count - 1;
        if (summary.StandardDeviation == 0)
        {
            return summary.Mean == 0
                ? new TTestResult(0, degreesOfFreedom, 1)
                : new TTestResult(Math.CopySign(double.PositiveInfinity, summary.Mean), degreesOfFreedom, double.NaN);
        }

        var t = summary.Mean / (summary.StandardDeviation / Math.Sqrt(differences.Count));
        var p = Math.Min(1.0, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));
        return new TTestResult(t, degreesOfFreedom, p);
    }
}
