using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class SampleSummaryTests
{
    [Fact]
    public void Uses_the_sample_standard_deviation()
    {
        // 2,4,4,4,5,5,7,9: mean 5, squared deviations sum to 32, so s = sqrt(32 / 7).
        var summary = SampleSummary.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, summary.Count);
        Assert.Equal(5.0, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7.0), summary.StandardDeviation, 12);
        Assert.Equal(32.0 / 7.0, summary.Variance, 12);
    }

    [Fact]
    public void Empty_sample_has_nan_mean_and_deviation()
    {
        var summary = SampleSummary.Of([]);

        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.Mean));
        Assert.True(double.IsNaN(summary.StandardDeviation));
    }

    [Fact]
    public void Single_value_has_its_mean_and_nan_deviation()
    {
        var summary = SampleSummary.Of([0.97]);

        Assert.Equal(1, summary.Count);
        Assert.Equal(0.97, summary.Mean);
        Assert.True(double.IsNaN(summary.StandardDeviation));
    }

    [Fact]
    public void Constant_sample_has_zero_deviation()
    {
        Assert.Equal(0.0, SampleSummary.Of([0.5, 0.5, 0.5]).StandardDeviation);
    }

    [Fact]
    public void Rejects_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => SampleSummary.Of([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => SampleSummary.Of([double.PositiveInfinity, 1]));
    }

    [Fact]
    public void Prints_as_mean_plus_minus_std_with_count()
    {
        Assert.Equal("0.9142 ± 0.00614003 (n=5)", SampleSummary.Of([0.912, 0.918, 0.905, 0.921, 0.915]).ToString());
    }
}
