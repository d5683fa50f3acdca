using MathNet.Numerics.Distributions;

namespace EvoGrains.Core.Search;

/// <summary>
/// Welch's unequal-variance t-test with Welch–Satterthwaite degrees of freedom and a two-sided
/// p-value, used to compare a loss against CE over seeds.
/// </summary>
/// <remarks>
/// Degenerate inputs follow fixed rules instead of throwing, so a table can still be printed:
/// <list type="bullet">
/// <item>Either sample has fewer than 2 values: t, df and p are NaN (no variance estimate exists).</item>
/// <item>Both samples have zero variance and equal means: t = 0, df = NaN, p = 1 (nothing differs).</item>
/// <item>Both samples have zero variance and different means: t = ±∞, df = NaN, p = NaN. The test's
/// noise model has nothing to measure the gap against, so no p-value is claimed.</item>
/// </list>
/// Zero variance in only one sample is an ordinary case: df reduces to the other sample's n - 1.
/// </remarks>
public static class WelchTTest
{
    public static TTestResult Compare(IEnumerable<double> first, IEnumerable<double> second) =>
        Compare(SampleSummary.Of(first), SampleSummary.Of(second));

    public static TTestResult Compare(SampleSummary first, SampleSummary second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count < 2 || second.Count < 2)
        {
            return TTestResult.Undefined;
        }

        var difference = first.Mean - second.Mean;
        var a = first.Variance / first.Count;
        var b = second.Variance / second.Count;
        var squaredError = a + b;
        if (squaredError == 0)
        {
            return difference == 0
                ? new TTestResult(0, double.NaN, 1)
                : new TTestResult(Math.CopySign(double.PositiveInfinity, difference), double.NaN, double.NaN);
        }

        var t = difference / Math.Sqrt(squaredError);
        var degreesOfFreedom = squaredError * squaredError
            / (a * a / (first.Count - 1) + b * b / (second.Count - 1));
        // The lower tail at -|t| keeps precision for large |t|, where 1 - CDF(|t|) would cancel to 0.
        var p = Math.Min(1.0, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));
        return new TTestResult(t, degreesOfFreedom, p);
    }
}
