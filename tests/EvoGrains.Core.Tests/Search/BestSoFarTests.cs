using EvoGrains.Core.Search;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search;

public sealed class BestSoFarTests
{
    [Fact]
    public void The_curve_adds_up_training_steps_in_history_order_and_keeps_the_best_finite_fitness()
    {
        var history = new[] { Step(1, 0.5, 100), Step(0, 0.3, 100), Step(2, double.NaN, 200), Step(3, 0.4, 100) };

        var curve = BestSoFar.Curve(history);

        Assert.Equal([100L, 200, 400, 500], curve.Select(p => p.TrainingSteps));
        Assert.Equal([0.3, 0.5, 0.5, 0.5], curve.Select(p => p.Fitness));
        Assert.True(double.IsNaN(BestSoFar.At(curve, 99)));
        Assert.Equal(0.3, BestSoFar.At(curve, 199));
        Assert.Equal(0.5, BestSoFar.At(curve, 10_000));
    }

    [Fact]
    public void The_band_holds_numpys_quartiles_of_the_curves_that_have_a_value()
    {
        IReadOnlyList<BestSoFarPoint>[] curves =
        [
            [new(100, 0.1), new(200, 0.5)],
            [new(100, 0.2)],
            [new(100, 0.3), new(200, 0.4)],
            [new(150, 0.9)],
        ];

        var band = BestSoFar.Band(curves, 200, 2);

        Assert.Equal([100L, 200], band.Select(b => b.TrainingSteps));
        // At 100 steps: 0.1, 0.2, 0.3 (the fourth has nothing yet); numpy.quantile([.1,.2,.3], [.25,.5,.75]) = .15, .2, .25.
        Assert.Equal((3, 0.15, 0.2, 0.25), (band[0].Searches, Math.Round(band[0].LowerQuartile, 12), band[0].Median, Math.Round(band[0].UpperQuartile, 12)));
        // At 200: 0.5, 0.2, 0.4, 0.9 -> sorted .2 .4 .5 .9: .35, .45, .6.
        Assert.Equal((4, 0.35, 0.45, 0.6), (band[1].Searches, Math.Round(band[1].LowerQuartile, 12), Math.Round(band[1].Median, 12), Math.Round(band[1].UpperQuartile, 12)));
    }

    private static HistoryEntry Step(long index, double fitness, int steps) =>
        Entry($"h{index}", fitness) with { Index = index, Steps = steps, Seeds = 1 };
}
