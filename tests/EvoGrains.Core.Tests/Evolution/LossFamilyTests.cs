using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Evolution;

/// <summary>GLO's per-node coefficient family; the CMA-ES searches over it and over TaylorGLO's are in <see cref="SeedMethodSearchTests"/>.</summary>
public sealed class LossFamilyTests
{
    [Fact]
    public void Unit_coefficients_reproduce_the_structure()
    {
        var structure = LossZoo.Get("baikal");
        var family = LossFamily.PerNodeCoefficients(structure);

        var rebuilt = family.Build(family.Initial);

        Assert.Equal(structure.Element.Size, family.Initial.Count);
        Assert.Equal(structure.CanonicalText, rebuilt.CanonicalText);
    }

    [Fact]
    public void Each_coefficient_scales_its_own_node()
    {
        var family = LossFamily.PerNodeCoefficients(LossFunction.Parse("y * log(p)"));
        var weights = new double[] { 2, 1, 1, 1 }; // the product node

        Assert.Equal("2 * (y * log(p))", InfixPrinter.Print(family.Build(weights).Element));
        Assert.Equal("y * (3 * log(p))", InfixPrinter.Print(family.Build([1, 1, 3, 1]).Element));
        Assert.Equal("y * log(0.5 * p)", InfixPrinter.Print(family.Build([1, 1, 1, 0.5]).Element));
    }
}
