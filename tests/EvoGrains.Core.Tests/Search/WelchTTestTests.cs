using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <remarks>
/// Reference values were computed independently of MathNet with mpmath 1.3 at 40 digits:
/// t = (m1 - m2) / sqrt(s1²/n1 + s2²/n2), df by Welch–Satterthwaite, and
/// p = I_{df/(df+t²)}(df/2, 1/2) (regularised incomplete beta, mpmath.betainc).
/// scipy was not installed, so it was not used.
/// </remarks>
public sealed class WelchTTestTests
{
    [Fact]
    public void Matches_the_closed_form_for_two_degrees_of_freedom()
    {
        // {1,3} vs {4,6}: both variances 2, so t = -3/sqrt(2), df = 2 exactly, and the t(2) CDF has the
        // closed form F(t) = 1/2 + t / (2 sqrt(2 + t²)), giving p = 1 - sqrt(4.5 / 6.5) = 1 - 3/sqrt(13).
        var result = WelchTTest.Compare([1, 3], [4, 6]);

        Assert.Equal(-3 / Math.Sqrt(2), result.T, 12);
        Assert.Equal(2.0, result.DegreesOfFreedom, 12);
        Assert.Equal(1 - 3 / Math.Sqrt(13), result.PValue, 12);
    }

    [Fact]
    public void Matches_reference_for_five_seed_accuracy_comparison()
    {
        // mpmath: t = -3.4714559930106267, df = 7.9988326553847373, p = 0.0084266042048962376
        var result = WelchTTest.Compare([0.912, 0.918, 0.905, 0.921, 0.915], [0.925, 0.931, 0.919, 0.928, 0.935]);

        Assert.Equal(-3.4714559930106267, result.T, 9);
        Assert.Equal(7.9988326553847373, result.DegreesOfFreedom, 9);
        Assert.Equal(0.0084266042048962376, result.PValue, 9);
    }

    [Fact]
    public void Matches_reference_for_unequal_sizes_and_variances()
    {
        double[] first = [19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0];
        double[] second =
        [
            28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7,
            23.2, 17.5, 20.6, 18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3,
        ];

        // mpmath: t = -2.2255120399698535, df = 24.524634944257347, p = 0.035484530830010196
        var result = WelchTTest.Compare(first, second);

        Assert.Equal(-2.2255120399698535, result.T, 9);
        Assert.Equal(24.524634944257347, result.DegreesOfFreedom, 9);
        Assert.Equal(0.035484530830010196, result.PValue, 9);
    }

    [Fact]
    public void Is_antisymmetric_in_t_and_symmetric_in_p()
    {
        double[] a = [0.91, 0.93, 0.92, 0.95];
        double[] b = [0.90, 0.89, 0.94, 0.88, 0.90];

        var ab = WelchTTest.Compare(a, b);
        var ba = WelchTTest.Compare(b, a);

        Assert.Equal(ab.T, -ba.T, 12);
        Assert.Equal(ab.DegreesOfFreedom, ba.DegreesOfFreedom, 12);
        Assert.Equal(ab.PValue, ba.PValue, 12);
    }

    [Fact]
    public void Accepts_summaries_directly()
    {
        var fromValues = WelchTTest.Compare([1, 3], [4, 6]);
        var fromSummaries = WelchTTest.Compare(new SampleSummary(2, 2, Math.Sqrt(2)), new SampleSummary(2, 5, Math.Sqrt(2)));

        Assert.Equal(fromValues.PValue, fromSummaries.PValue, 12);
    }

    [Fact]
    public void Huge_separation_keeps_a_tiny_positive_p_value()
    {
        var result = WelchTTest.Compare([100.0, 100.1, 99.9, 100.05], [0.0, 0.1, -0.1, 0.05]);

        Assert.True(result.PValue > 0 && result.PValue < 1e-10, $"p = {result.PValue}");
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(5, 1)]
    [InlineData(0, 3)]
    public void Fewer_than_two_values_give_nan(int firstCount, int secondCount)
    {
        var result = WelchTTest.Compare(Enumerable.Range(0, firstCount).Select(i => (double)i), Enumerable.Range(0, secondCount).Select(i => i * 2.0));

        Assert.True(double.IsNaN(result.T));
        Assert.True(double.IsNaN(result.DegreesOfFreedom));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void Identical_constant_samples_give_p_one()
    {
        var result = WelchTTest.Compare([0.1, 0.1, 0.1], [0.1, 0.1]);

        Assert.Equal(0.0, result.T);
        Assert.Equal(1.0, result.PValue);
        Assert.True(double.IsNaN(result.DegreesOfFreedom));
    }

    [Fact]
    public void Different_constant_samples_give_infinite_t_and_nan_p()
    {
        var result = WelchTTest.Compare([0.1, 0.1, 0.1], [0.9, 0.9]);

        Assert.Equal(double.NegativeInfinity, result.T);
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void One_constant_sample_reduces_df_to_the_other_sample()
    {
        // Only the second sample varies: se² = s2²/n2, so df = n2 - 1 = 3.
        var result = WelchTTest.Compare([1.0, 1.0, 1.0], [1.0, 2.0, 3.0, 4.0]);

        Assert.Equal(3.0, result.DegreesOfFreedom, 12);
        Assert.InRange(result.PValue, 0.0, 1.0);
    }
}
