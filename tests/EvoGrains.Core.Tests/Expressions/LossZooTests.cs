using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>Zoo losses against their published formulas, computed here independently (log protected by eps=1e-7).</summary>
public sealed class LossZooTests
{
    private const double Eps = 1e-7;

    public static TheoryData<double[], int> Points() => new()
    {
        { [0.1, 0.2, 0.7], 2 },
        { [0.05, 0.6, 0.15, 0.2], 0 },
    };

    private static double[] OneHot(int classes, int label, double smoothing = 0) =>
        Enumerable.Range(0, classes).Select(c => (c == label ? 1 - smoothing : 0) + smoothing / classes).ToArray();

    private static double Ln(double x) => Math.Log(Math.Abs(x) + Eps);

    private static double Zoo(string name, double[] p, int label, double[]? gradient = null) =>
        new LossInterpreter(LossZoo.Get(name)).EvaluateProbabilities(p, label, gradient ?? new double[p.Length]);

    [Theory]
    [MemberData(nameof(Points))]
    public void Cross_entropy(double[] p, int label)
    {
        Assert.Equal(-Math.Log(p[label] + Eps), Zoo("ce", p, label), 12);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Label_smoothed_cross_entropy(double[] p, int label)
    {
        var y = OneHot(p.Length, label, 0.1);
        var expected = -p.Select((pc, c) => y[c] * Ln(pc)).Sum();
        Assert.Equal(expected, Zoo("ls-ce", p, label), 12);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Focal_with_gamma_two(double[] p, int label)
    {
        var expected = -Math.Pow(1 - p[label], 2) * Ln(p[label]);
        Assert.Equal(expected, Zoo("focal", p, label), 12);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Baikal(double[] p, int label)
    {
        var y = OneHot(p.Length, label);
        var expected = -p.Select((pc, c) => Ln(pc) - y[c] / (pc + Eps)).Sum();
        Assert.Equal(expected, Zoo("baikal", p, label), 12);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Ngl_is_averaged_over_classes(double[] p, int label)
    {
        var y = OneHot(p.Length, label);
        var expected = p.Select((pc, c) => Math.Exp(2.4092 - pc * (1 + y[c])) - Math.Cos(Math.Cos(Math.Sin(pc)))).Average();
        Assert.Equal(expected, Zoo("ngl", p, label), 12);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void TaylorGlo_mnist(double[] p, int label)
    {
        var w = TaylorGloLoss.MnistParameters;
        var y = OneHot(p.Length, label);
        var expected = -p.Select((pc, c) =>
        {
            var u = pc - w[1];
            var v = y[c] - w[0];
            return w[2] * u + w[3] * u * u + w[4] * u * u * u + w[5] * v * u + w[6] * v * u * u + w[7] * v * v * u;
        }).Sum();
        Assert.Equal(expected, Zoo("taylorglo-mnist", p, label), 9);
    }

    [Fact]
    public void Known_value_of_cross_entropy_at_the_reference_point()
    {
        Assert.Equal(0.356674801, Zoo("ce", [0.1, 0.2, 0.7], 2), 8);
    }

    [Fact]
    public void TaylorGlo_mnist_parameters_are_the_published_ones()
    {
        Assert.Equal([-10.9408, 7.5216, 8.2896, 0.2415, 7.8726, 8.9666, 2.0184, 7.0513], TaylorGloLoss.MnistParameters);
        Assert.Throws<ArgumentException>(() => TaylorGloLoss.FromParameters([1, 2, 3]));
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Cross_entropy_gradient_is_p_minus_one_hot(double[] p, int label)
    {
        var gradient = new double[p.Length];
        Zoo("ce", p, label, gradient);
        var y = OneHot(p.Length, label);
        for (var c = 0; c < p.Length; c++)
        {
            Assert.Equal(p[c] - y[c], gradient[c], 5);
        }
    }

    [Fact]
    public void Label_smoothed_cross_entropy_gradient_is_p_minus_smoothed_target()
    {
        double[] logits = [0.3, -1.2, 2.0, 0.1];
        var p = new double[4];
        LossInterpreter.Softmax(logits, p);
        var gradient = new double[4];
        new LossInterpreter(LossZoo.Get("ls-ce")).Evaluate(logits, 1, gradient);
        var y = OneHot(4, 1, 0.1);
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(p[c] - y[c], gradient[c], 5);
        }
    }

    [Fact]
    public void Zoo_resolves_every_name_case_insensitively()
    {
        foreach (var name in LossZoo.Names)
        {
            Assert.NotNull(LossZoo.Find(name.ToUpperInvariant()));
        }

        Assert.Equal(ClassReduction.Mean, LossZoo.Get("ngl").Reduction);
        Assert.Equal(0.1, LossZoo.Get("ls-ce").LabelSmoothing);
        Assert.Same(LossZoo.Get("ce"), LossZoo.Resolve(" ce "));
        Assert.Equal(ExpressionParser.Parse("y * p"), LossZoo.Resolve("y * p").Element);
        Assert.Throws<KeyNotFoundException>(() => LossZoo.Get("nope"));
    }
}
