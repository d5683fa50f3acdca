using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class MannWhitneyTestTests
{
    [Fact]
    public void Two_separated_samples_of_five_give_the_exact_two_sided_p_of_2_in_252()
    {
        var (u, p) = MannWhitneyTest.Compare([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);

        Assert.Equal(0, u);
        Assert.Equal(2.0 / 252, p, 12);
        Assert.Equal((25.0, 2.0 / 252), MannWhitneyTest.Compare([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Ties_count_one_half_and_identical_samples_differ_in_nothing()
    {
        Assert.Equal((4.5, 1.0), MannWhitneyTest.Compare([1, 2, 3], [1, 2, 3]));
        // 2 against (1, 2, 1) is 2.5 and each 3 is 3: U = 8.5 of 9. Of the 20 splits, 2 reach 8.5 and 2 mirror them at 0.5.
        var (u, p) = MannWhitneyTest.Compare([2, 3, 3], [1, 2, 1]);
        Assert.Equal(8.5, u);
        Assert.Equal(4.0 / 20, p, 12);
    }

    [Fact]
    public void Large_samples_use_the_normal_approximation()
    {
        var low = Enumerable.Range(0, 30).Select(i => (double)i).ToList();
        var high = Enumerable.Range(100, 30).Select(i => (double)i).ToList();
        var shifted = Enumerable.Range(0, 30).Select(i => i + 0.5).ToList();

        var (u, p) = MannWhitneyTest.Compare(low, high);

        Assert.Equal(0, u);
        // z = 450 / sqrt(30·30·61/12) = 6.65.
        Assert.InRange(p, 1e-12, 1e-9);
        Assert.InRange(MannWhitneyTest.Compare(low, shifted).PValue, 0.5, 1);
    }

    [Fact]
    public void An_empty_sample_has_no_p_value()
    {
        Assert.True(double.IsNaN(MannWhitneyTest.Compare([], [1.0]).PValue));
    }
}
