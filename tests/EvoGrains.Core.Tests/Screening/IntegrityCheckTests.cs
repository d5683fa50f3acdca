using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Screening;

public sealed class IntegrityCheckTests
{
    private static IntegrityCurve Run(string expression) => IntegrityCheck.Run(LossZoo.Resolve(expression));

    [Theory]
    [InlineData("ce")]
    [InlineData("baikal")]
    [InlineData("ngl")]
    [InlineData("focal")]
    [InlineData("taylorglo-mnist")]
    [InlineData("y * log(p)")]
    [InlineData("sq(y - p)")]
    public void Phenotype_is_min_max_normalised(string expression)
    {
        var curve = Run(expression);

        Assert.True(curve.Passed, curve.Rejection);
        Assert.Equal(IntegrityCheck.Points, curve.Phenotype.Length);
        Assert.All(curve.Phenotype, v => Assert.InRange(v, 0, 1));
        Assert.Equal(0, curve.Phenotype.Min(), 12);
        Assert.Equal(1, curve.Phenotype.Max(), 12);
    }

    [Fact]
    public void Sound_curves_start_low_and_wrong_way_curves_are_flipped()
    {
        var ce = Run("-(y * log(p))");
        var wrong = Run("y * log(p)");

        Assert.False(ce.Flipped);
        Assert.True(wrong.Flipped);
        Assert.True(ce.Phenotype[0] < ce.Phenotype[^1]);
        Assert.True(wrong.Phenotype[0] < wrong.Phenotype[^1]);
        Assert.True(IntegrityCheck.Distance(ce.Phenotype, wrong.Phenotype) < 1e-9);
    }

    [Theory]
    [InlineData("y * p * 0", "all zeros")]
    [InlineData("exp(exp(exp(exp(p)))) * y", "not finite")]
    [InlineData("y * sq(p - 0.5)", "q near 0.5")]
    [InlineData("y * sin(40 * p)", "slope changes sign")]
    [InlineData("y * max0(p - 0.9)", "flat steps")]
    public void Rejects_bad_curves(string expression, string reason)
    {
        var curve = Run(expression);

        Assert.False(curve.Passed);
        Assert.Contains(reason, curve.Rejection, StringComparison.Ordinal);
        Assert.Empty(curve.Phenotype);
    }

    [Fact]
    public void A_single_turn_away_from_the_centre_is_accepted()
    {
        var curve = Run("y * sq(p - 0.7)");
        Assert.True(curve.Passed, curve.Rejection);
    }

    [Fact]
    public void Distance_is_euclidean()
    {
        Assert.Equal(5, IntegrityCheck.Distance([0, 0], [3, 4]), 12);
    }

    [Theory]
    [InlineData(5.000001, true)]
    [InlineData(5, false)]
    [InlineData(4.999999, false)]
    public void Within_agrees_with_the_distance(double limit, bool within)
    {
        Assert.Equal(within, IntegrityCheck.AreWithin([0, 0, 0], [3, 4, 0], limit));
        Assert.Equal(within, IntegrityCheck.AreWithin([3, 0, 0], [0, 4, 0], limit));
    }
}
