using MathNet.Numerics.Statistics;

namespace EvoGrains.Core.Search;

/// <summary>
/// How well two measurements of the same items agree on their order (METHODS.md §7, rank fidelity):
/// Spearman's rho and Kendall's tau-b, both with ties.
/// </summary>
/// <remarks>
/// Both are NaN when undefined: fewer than two items, or every value of one side tied (no order to agree with).
/// Inputs of different lengths or with NaN or infinite values are rejected, because a failed run has no rank.
/// </remarks>
public static class RankCorrelation
{
    /// <summary>
    /// Pearson's correlation of the average ranks (MathNet's Spearman), so ties count as in most textbooks;
    /// clamped to [-1, 1], which rounding overshoots by an ulp for some perfectly ordered inputs.
    /// </summary>
    public static double Spearman(IReadOnlyList<double> first, IReadOnlyList<double> second) =>
        IsDefined(first, second) ? Math.Clamp(Correlation.Spearman(first, second), -1, 1) : double.NaN;

    /// <summary>
    /// (concordant - discordant) / sqrt((n0 - tiesFirst) (n0 - tiesSecond)) over all n0 = n(n-1)/2 pairs;
    /// a pair tied on either side is neither. O(n²), which is nothing for the few dozen losses a benchmark ranks.
    /// </summary>
    public static double KendallTauB(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (!IsDefined(first, second))
        {
            return double.NaN;
        }

        long concordant = 0, discordant = 0, tiedFirst = 0, tiedSecond = 0;
        for (var i = 0; i < first.Count; i++)
        {
            for (var j = i + 1; j < first.Count; j++)
            {
                var a = Math.Sign(first[i] - first[j]);
                var b = Math.Sign(second[i] - second[j]);
                tiedFirst += a == 0 ? 1 : 0;
                tiedSecond += b == 0 ? 1 : 0;
                concordant += a * b > 0 ? 1 : 0;
                discordant += a * b < 0 ? 1 : 0;
            }
        }

        var pairs = (long)first.Count * (first.Count - 1) / 2;
        return Math.Clamp(
            (concordant - discordant) / Math.Sqrt((double)(pairs - tiedFirst) * (pairs - tiedSecond)), -1, 1);
    }

    /// <summary>Rank 1 for the highest value; ties share the mean of their ranks.</summary>
    public static IReadOnlyList<double> DescendingRanks(IReadOnlyList<double> values)
    {
        Check(values, values);
        var ascending = values.ToArray().Ranks(RankDefinition.Average);
        return ascending.Select(r => values.Count + 1 - r).ToList();
    }

    private static bool IsDefined(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        Check(first, second);
        return first.Count >= 2 && first.Distinct().Skip(1).Any() && second.Distinct().Skip(1).Any();
    }

    private static void Check(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException(
                $"Rank correlation needs paired values: {first.Count} against {second.Count}.", nameof(second));
        }

        if (first.Concat(second).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Ranked values must be finite.", nameof(first));
        }
    }
}
