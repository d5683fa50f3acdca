using MathNet.Numerics.Distributions;

namespace EvoGrains.Core.Search;

/// <summary>
/// The Mann-Whitney U test, two-sided: does one sample tend to lie above the other? U counts the pairs (x, y) with
/// x &gt; y (ties count one half). The p-value is exact — the share of all ways to split the pooled values into
/// samples of these sizes whose U lies at least as far from n·m/2 — when there are at most 10^6 such splits (ties
/// handled by that same enumeration); beyond that it is the normal approximation with the tie correction.
/// </summary>
public static class MannWhitneyTest
{
    private const long MaxExactSplits = 1_000_000;

    /// <returns>U of <paramref name="first"/> and the two-sided p-value; NaN p when a sample is empty.</returns>
    public static (double U, double PValue) Compare(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int n = first.Count, m = second.Count;
        if (n == 0 || m == 0)
        {
            return (double.NaN, double.NaN);
        }

        var u = U(first, second);
        var centre = n * m / 2.0;
        return (
            u,
            Splits(n + m, n) <= MaxExactSplits
                ? Exact(first, second, Math.Abs(u - centre))
                : Approximate(first, second, u));
    }

    private static double U(IEnumerable<double> first, IReadOnlyList<double> second) =>
        first.Sum(x => second.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0.0));

    private static double Exact(IReadOnlyList<double> first, IReadOnlyList<double> second, double observed)
    {
        var pooled = first.Concat(second).ToArray();
        int n = first.Count, total = pooled.Length;
        var centre = n * second.Count / 2.0;
        long extreme = 0, splits = 0;
        var chosen = new bool[total];
        Choose(0, n);
        return (double)extreme / splits;

        void Choose(int from, int left)
        {
            if (left == 0)
            {
                var inFirst = new List<double>(n);
                var inSecond = new List<double>(total - n);
                for (var i = 0; i < total; i++)
                {
                    (chosen[i] ? inFirst : inSecond).Add(pooled[i]);
                }

                splits++;
                // A relative tolerance: U sums halves, and equal distances must count as at least as extreme.
                extreme += Math.Abs(U(inFirst, inSecond) - centre) >= observed - 1e-9 ? 1 : 0;
                return;
            }

            for (var i = from; i <= total - left; i++)
            {
                chosen[i] = true;
                Choose(i + 1, left - 1);
                chosen[i] = false;
            }
        }
    }

    private static double Approximate(IReadOnlyList<double> first, IReadOnlyList<double> second, double u)
    {
        double n = first.Count, m = second.Count, total = n + m;
        var ties = first.Concat(second).GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var variance = n * m / 12.0 * (total + 1 - (ties / (total * (total - 1))));
        if (variance <= 0)
        {
            return 1;
        }

        var z = Math.Abs(u - (n * m / 2)) / Math.Sqrt(variance);
        return Math.Min(1, 2 * (1 - Normal.CDF(0, 1, z)));
    }

    private static long Splits(int total, int chosen)
    {
        double splits = 1;
        for (var i = 0; i < chosen; i++)
        {
            splits = splits * (total - i) / (i + 1);
        }

        return splits > MaxExactSplits ? MaxExactSplits + 1 : (long)Math.Round(splits);
    }
}
