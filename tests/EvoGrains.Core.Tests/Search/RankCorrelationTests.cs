using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <remarks>
/// Reference values were computed independently of MathNet in exact rational arithmetic (Python fractions):
/// Spearman as Pearson's correlation of average ranks, Kendall's tau-b by counting every pair.
/// The no-ties example is Wikipedia's "IQ against hours of television" table (rho = -29/165).
/// </remarks>
public sealed class RankCorrelationTests
{
    private static readonly double[] Iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    private static readonly double[] Television = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

    // Ties on both sides: ranks (1, 2, 3.5, 3.5, 5, 6.5, 6.5, 8) and (2, 1, 3, 4.5, 4.5, 8, 6.5, 6.5).
    private static readonly double[] TiedFirst = [1, 2, 3, 3, 4, 5, 5, 6];
    private static readonly double[] TiedSecond = [2, 1, 3, 4, 4, 6, 5, 5];

    [Fact]
    public void The_same_order_is_one_and_the_reversed_order_minus_one()
    {
        double[] values = [0.81, 0.84, 0.79, 0.86, 0.85];
        double[] sameOrder = [0.1, 0.3, 0.0, 0.9, 0.5];
        double[] reversed = sameOrder.Select(v => -v).ToArray();

        Assert.Equal(1.0, RankCorrelation.Spearman(values, sameOrder), 12);
        Assert.Equal(1.0, RankCorrelation.KendallTauB(values, sameOrder), 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman(values, reversed), 12);
        Assert.Equal(-1.0, RankCorrelation.KendallTauB(values, reversed), 12);
    }

    [Fact]
    public void Never_leaves_minus_one_to_one_for_any_agreeing_or_opposed_order()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 500; trial++)
        {
            var values = Enumerable.Range(0, random.Next(2, 16)).Select(_ => random.NextDouble()).ToArray();
            var scaled = values.Select(v => (v * 0.37) + 0.5).ToArray();
            var opposed = values.Select(v => -v).ToArray();

            foreach (var statistic in new[] { RankCorrelation.Spearman(values, scaled), RankCorrelation.KendallTauB(values, scaled) })
            {
                Assert.InRange(statistic, 1 - 1e-12, 1.0);
            }

            foreach (var statistic in new[] { RankCorrelation.Spearman(values, opposed), RankCorrelation.KendallTauB(values, opposed) })
            {
                Assert.InRange(statistic, -1.0, -1 + 1e-12);
            }
        }
    }

    [Fact]
    public void Matches_the_textbook_example_without_ties()
    {
        Assert.Equal(-29.0 / 165, RankCorrelation.Spearman(Iq, Television), 12);
        // 20 concordant and 25 discordant of 45 pairs.
        Assert.Equal(-5.0 / 45, RankCorrelation.KendallTauB(Iq, Television), 12);
    }

    [Fact]
    public void Counts_ties_on_both_sides()
    {
        // Spearman: 37 / sqrt(41 * 41). Kendall: 22 concordant, 2 discordant, 2 pairs tied on each side of 28: 20/26.
        Assert.Equal(37.0 / 41, RankCorrelation.Spearman(TiedFirst, TiedSecond), 12);
        Assert.Equal(10.0 / 13, RankCorrelation.KendallTauB(TiedFirst, TiedSecond), 12);
    }

    [Fact]
    public void Is_undefined_without_an_order_on_either_side()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 2, 3], [5, 5, 5])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([5, 5, 5], [1, 2, 3])));
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1], [2])));
        Assert.True(double.IsNaN(RankCorrelation.KendallTauB([], [])));
    }

    [Fact]
    public void Rejects_unpaired_or_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.KendallTauB([1, double.NaN, 3], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.DescendingRanks([1, double.PositiveInfinity]));
    }

    [Fact]
    public void Descending_ranks_put_the_highest_first_and_share_ties()
    {
        Assert.Equal([4.0, 2.5, 1.0, 2.5], RankCorrelation.DescendingRanks([0.1, 0.5, 0.9, 0.5]));
    }
}
