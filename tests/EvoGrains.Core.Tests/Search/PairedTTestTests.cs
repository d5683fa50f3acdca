using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class PairedTTestTests
{
    [Fact]
    public void Matches_the_closed_form_for_one_degree_of_freedom()
    {
        // Differences {1, 3}: mean 2, sd sqrt(2), t = 2 / (sqrt(2) / sqrt(2)) = 2 with df 1, where t(1) is
        // the Cauchy distribution: p = 1 - 2 atan(2) / pi.
        var result = PairedTTest.Compare([5.0, 7.0], [4.0, 4.0]);

        Assert.Equal(2.0, result.T, 12);
        Assert.Equal(1.0, result.DegreesOfFreedom, 12);
        Assert.Equal(1 - 2 * Math.Atan(2) / Math.PI, result.PValue, 12);
    }

    [Fact]
    public void Pairing_removes_the_shared_seed_spread_that_Welch_cannot()
    {
        // The second loss is 0.002 better on every seed, while seeds differ by 0.02: paired p is tiny, Welch's is not.
        double?[] ce = [0.90, 0.92, 0.88, 0.91, 0.89];
        var better = ce.Select(v => v + 0.002 + (v > 0.9 ? 0.0001 : 0)).ToArray();

        var paired = PairedTTest.Compare(better, ce);
        var welch = WelchTTest.Compare(better.Select(v => v!.Value), ce.Select(v => v!.Value));

        Assert.True(paired.PValue < 1e-4, $"paired p {paired.PValue}");
        Assert.True(welch.PValue > 0.5, $"Welch p {welch.PValue}");
        Assert.True(paired.T > 0);
    }

    [Fact]
    public void Skips_seeds_missing_on_either_side_and_is_undefined_below_two_pairs()
    {
        Assert.True(double.IsNaN(PairedTTest.Compare([0.5, null, 0.7], [0.4, 0.6, null]).PValue));

        var result = PairedTTest.Compare([0.5, null, 0.7, 0.9], [0.4, 0.6, 0.5, 0.6]);

        Assert.Equal(2.0, result.DegreesOfFreedom);
    }

    [Fact]
    public void Identical_runs_give_p_one_and_a_constant_shift_gives_no_p()
    {
        Assert.Equal(1.0, PairedTTest.Compare([0.5, 0.6, 0.7], [0.5, 0.6, 0.7]).PValue);

        var shifted = PairedTTest.Compare([1.5, 2.5, 3.5], [1.0, 2.0, 3.0]);

        Assert.Equal(double.PositiveInfinity, shifted.T);
        Assert.True(double.IsNaN(shifted.PValue));
    }
}
