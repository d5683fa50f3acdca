using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class ParametricLossSearchTests
{
    private static readonly ScreeningFunnel Funnel = new();

    [Fact]
    public async Task TaylorGlo_search_closes_in_on_a_reachable_target()
    {
        // The synthetic fitness rewards curves like TaylorGLO's MNIST loss, which the family can express.
        var evaluator = new SyntheticEvaluator(reference: LossZoo.Get("taylorglo-mnist"));
        var search = new ParametricLossSearch(LossFamily.TaylorGlo, new CmaEsOptions { InitialSigma = 1.2, Seed = 5, PopulationSize = 20 }, Funnel);

        await search.RunAsync(evaluator, maxEvaluations: 400);

        var generations = search.History.GroupBy(h => h.Parents[0]).ToList();
        var first = generations[0].Average(h => h.Fitness);
        var last = generations[^1].Average(h => h.Fitness);
        Assert.True(last > first + 0.2, $"mean fitness of the last generation {last:F3} vs the first {first:F3}");
        Assert.True(search.HallOfFame.Entries[0].Fitness > 0.95, $"best {search.HallOfFame.Entries[0].Fitness:F3}");
    }

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

    [Fact]
    public async Task Glo_constant_tuning_improves_a_fixed_structure()
    {
        var structure = LossFunction.Parse("-(log(p) - 3 * y / sq(p))");
        var evaluator = new SyntheticEvaluator();
        var start = evaluator.Evaluate(structure).Fitness;
        var search = new ParametricLossSearch(LossFamily.PerNodeCoefficients(structure), new CmaEsOptions { InitialSigma = 0.3, Seed = 2 }, Funnel);

        await search.RunAsync(evaluator, maxEvaluations: 200);

        Assert.True(search.HallOfFame.Entries[0].Fitness > start + 0.02, $"tuned {search.HallOfFame.Entries[0].Fitness:F4} vs structure {start:F4}");
    }
}
