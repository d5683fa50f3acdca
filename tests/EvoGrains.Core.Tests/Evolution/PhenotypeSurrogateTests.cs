using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class PhenotypeSurrogateTests
{
    [Fact]
    public void A_loss_is_predicted_from_the_evaluated_losses_whose_curves_lie_nearest()
    {
        var surrogate = new PhenotypeSurrogate();
        for (var k = 0; k < 6; k++)
        {
            // Two kinds of curve: near-linear ones trained well, steep ones badly.
            surrogate.Add(Curve(x => x + (0.1 * k * x * (1 - x))), 0.8 + (0.001 * k));
            surrogate.Add(Curve(x => Math.Pow(x, 6 + k)), 0.2 + (0.001 * k));
        }

        Assert.InRange(surrogate.Predict(Curve(x => x + (0.15 * x * (1 - x)))), 0.79, 0.81);
        Assert.InRange(surrogate.Predict(Curve(x => Math.Pow(x, 8.5))), 0.19, 0.21);
        Assert.True(surrogate.LeaveOneOutCorrelation() > 0.9);
    }

    [Fact]
    public void It_predicts_nothing_before_it_knows_enough_for_a_curve_already_evaluated_or_without_a_curve()
    {
        var surrogate = new PhenotypeSurrogate();
        for (var k = 0; k < PhenotypeSurrogate.Neighbours - 1; k++)
        {
            surrogate.Add(Curve(x => Math.Pow(x, 1 + k)), 0.5);
        }

        Assert.True(double.IsNaN(surrogate.Predict(Curve(x => x * x))));
        Assert.True(double.IsNaN(surrogate.LeaveOneOutCorrelation()));
        surrogate.Add(Curve(x => Math.Pow(x, 9)), 0.1);
        surrogate.Add(null, 0.9);
        surrogate.Add(Curve(x => x), double.NaN);

        Assert.Equal(PhenotypeSurrogate.Neighbours, surrogate.Count);
        Assert.True(double.IsFinite(surrogate.Predict(Curve(x => Math.Pow(x, 1.5)))));
        Assert.True(double.IsNaN(surrogate.Predict(Curve(x => (x * x) + 1e-4))));
        Assert.True(double.IsNaN(surrogate.Predict([])));
    }

    [Fact]
    public void It_remembers_the_newest_losses_up_to_its_capacity()
    {
        var surrogate = new PhenotypeSurrogate();
        for (var k = 0; k < PhenotypeSurrogate.Capacity + 10; k++)
        {
            // The oldest ten said 0 for the curve asked about below; the newest say 1.
            surrogate.Add(Curve(x => Math.Pow(x, 2 + (k < 10 ? 0.001 * k : 3 + (0.001 * k)))), k < 10 ? 0 : 1);
        }

        Assert.Equal(PhenotypeSurrogate.Capacity, surrogate.Count);
        Assert.Equal(1, surrogate.Predict(Curve(x => Math.Pow(x, 2.3))), 12);
    }

    private static double[] Curve(Func<double, double> shape) =>
        [.. Enumerable.Range(0, 1000).Select(i => shape(i / 999.0))];
}
