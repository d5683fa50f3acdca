using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class PairedBootstrapTests
{
    // Twelve losses: accuracy at a cheap rung and at the final budget, mostly in the same order.
    private static readonly double[] Cheap = [0.701, 0.722, 0.689, 0.745, 0.731, 0.710, 0.752, 0.698, 0.740, 0.715, 0.728, 0.760];
    private static readonly double[] Final = [0.842, 0.851, 0.846, 0.861, 0.849, 0.844, 0.866, 0.839, 0.858, 0.853, 0.857, 0.863];

    [Fact]
    public void The_interval_brackets_the_estimate_and_lies_within_the_statistic_range()
    {
        foreach (var statistic in new Func<IReadOnlyList<double>, IReadOnlyList<double>, double>[] { RankCorrelation.Spearman, RankCorrelation.KendallTauB })
        {
            var interval = PairedBootstrap.Percentile(Cheap, Final, statistic, seed: 5);

            Assert.Equal(statistic(Cheap, Final), interval.Estimate);
            Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
            Assert.InRange(interval.Lower, -1.0, 1.0);
            Assert.InRange(interval.Upper, -1.0, 1.0);
            Assert.True(interval.Upper > interval.Lower, "twelve noisy pairs cannot pin a correlation down to a point");
            Assert.Equal(PairedBootstrap.DefaultResamples, interval.Resamples);
            Assert.Equal(0.95, interval.Confidence);
        }
    }

    [Fact]
    public void Is_deterministic_by_seed()
    {
        var first = PairedBootstrap.Percentile(Cheap, Final, RankCorrelation.Spearman, seed: 9);
        var again = PairedBootstrap.Percentile(Cheap, Final, RankCorrelation.Spearman, seed: 9);
        var other = PairedBootstrap.Percentile(Cheap, Final, RankCorrelation.Spearman, seed: 10);

        Assert.Equal(first, again);
        Assert.NotEqual((first.Lower, first.Upper), (other.Lower, other.Upper));
    }

    [Fact]
    public void A_perfect_order_stays_perfect_in_every_resample()
    {
        double[] ranks = [1, 2, 3, 4, 5, 6];

        var interval = PairedBootstrap.Percentile(ranks, ranks, RankCorrelation.KendallTauB, seed: 1, resamples: 500);

        Assert.Equal((1.0, 1.0, 1.0), (interval.Estimate, interval.Lower, interval.Upper));
        // A resample drawing one item six times has no order: left out, and counted.
        Assert.InRange(interval.Undefined, 0, 5);
    }

    [Fact]
    public void Degenerate_input_gives_nan_bounds_without_resampling()
    {
        var tied = PairedBootstrap.Percentile([1, 2, 3], [4, 4, 4], RankCorrelation.Spearman, seed: 1);
        var single = PairedBootstrap.Percentile([1], [2], RankCorrelation.Spearman, seed: 1);

        Assert.All([tied, single], interval =>
        {
            Assert.True(double.IsNaN(interval.Estimate));
            Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper));
            Assert.Equal(0, interval.Resamples);
        });
    }

    [Fact]
    public void Rejects_settings_that_define_no_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Percentile(Cheap, Final, RankCorrelation.Spearman, seed: 1, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.Percentile(Cheap, Final, RankCorrelation.Spearman, seed: 1, confidence: 1));
    }
}
