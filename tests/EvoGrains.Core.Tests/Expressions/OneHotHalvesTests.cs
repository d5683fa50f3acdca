using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class OneHotHalvesTests
{
    private static (string True, string Other) Halves(string nameOrExpression)
    {
        var halves = LossZoo.Resolve(nameOrExpression).OneHot;
        return (InfixPrinter.Print(halves.TrueClass), InfixPrinter.Print(halves.OtherClass));
    }

    [Theory]
    [InlineData("-(y * log(p))", "-log(p)", "0")]
    [InlineData("-((y + 1) * log(p))", "-(log(p) * 2)", "-log(p)")]
    [InlineData("-erf(isru(sinh(p), abs(y)) / y)", "-erf(isru(sinh(p), 1) / 1)", "-erf(sinh(p) / 0)")]
    [InlineData("-erf(isru(sinh(p), abs(1)) / y)", "-erf(isru(sinh(p), 1) / 1)", "-erf(isru(sinh(p), 1) / 0)")]
    [InlineData("baikal", "-(log(p) - 1 / p)", "-log(p)")]
    [InlineData("abs(p - y)", "abs(p + -1)", "abs(p)")]
    [InlineData("y * (1 - exp(0.5 * log(p)))", "1 - exp(log(p) * 0.5)", "0")]
    [InlineData("isru(p, y) * y + y / p", "1 / p + isru(p, 1)", "0")]
    public void Halves_substitute_the_one_hot_labels_and_simplify(string loss, string trueClass, string otherClass)
    {
        Assert.Equal((trueClass, otherClass), Halves(loss));
    }

    [Fact]
    public void Label_smoothing_gives_the_smoothed_labels_of_ten_classes()
    {
        var halves = LossZoo.Get("ls-ce(0.5)").OneHot;

        Assert.Equal(0.55, halves.TrueLabel, 1e-15);
        Assert.Equal(0.05, halves.OtherLabel, 1e-15);
        Assert.Equal("-(log(p) * 0.55)", InfixPrinter.Print(halves.TrueClass));
        Assert.Equal("-(log(p) * 0.05)", InfixPrinter.Print(halves.OtherClass));
    }

    [Fact]
    public void A_class_contribution_carries_the_reduction_weight()
    {
        var sum = LossFunction.Parse("-(y * log(p))").OneHot;
        var mean = LossFunction.Parse("-(y * log(p))", ClassReduction.Mean).OneHot;

        Assert.Equal(-Math.Log(0.25 + OperatorCatalog.Epsilon), sum.Contribution(true, 0.25), 1e-15);
        Assert.Equal(sum.Contribution(true, 0.25) / 10, mean.Contribution(true, 0.25), 1e-15);
        Assert.Equal(0, sum.Contribution(false, 0.25));
    }

    [Fact]
    public void Halves_evaluate_as_the_interpreter_does()
    {
        // A sample whose true class has p and whose other classes share the rest: the interpreter's loss is the halves' sum.
        var loss = LossZoo.Get("baikal");
        double[] p = [0.4, 0.15, 0.15, 0.15, 0.15];
        var expected = loss.OneHot.Contribution(true, 0.4) + (4 * loss.OneHot.Contribution(false, 0.15));

        var actual = new LossInterpreter(loss).EvaluateProbabilities(p, 0, new double[5]);

        Assert.Equal(expected, actual, 1e-12);
    }
}
