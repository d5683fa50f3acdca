using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>
/// Every zoo family against its published formula, written here from METHODS.md section 6 and the papers' code, in
/// float64 and independently of the expression machinery: the loss value, and dL/dz by central differences of that
/// formula. Element-wise losses use the zoo's documented protection (log x read as log(|x| + 1e-7)); NCE and NNCE the
/// exact log-softmax, NNCE with p clamped to at least 1e-7 as its authors' code does.
/// </summary>
public sealed class ZooReferenceTests
{
    private const double Eps = 1e-7;
    private const double ValueTolerance = 1e-11;
    private const double GradientTolerance = 1e-7;

    private static readonly double Rce = -Math.Log(1e-4);
    private static readonly double NnceA = -Math.Log(1e-7);

    private static readonly (double[] Logits, int Label)[] Points =
    [
        ([0.3, -1.2, 2.0], 2),
        ([0.3, -1.2, 2.0], 1),
        ([1.5, 0.2, -0.7, 0.0, 2.2], 0),
        ([0.0, 0.0, 0.0, 0.0], 3),
        // p_1 is about 1e-8: below NNCE's clamp, and CE's protection matters.
        ([9.0, -9.0, 0.0, 1.0], 1),
        ([9.0, -9.0, 0.0, 1.0], 0),
        ([-0.4, 1.1, 0.8, -2.5, 0.05, 1.9, -1.0, 0.6, 0.3, -0.2], 7),
    ];

    public static TheoryData<string, string, double[]> Members() => new()
    {
        { "ce", "ce", [] },
        { "ls-ce", "ls-ce", [0.1] },
        { "ls-ce(0.7)", "ls-ce", [0.7] },
        { "focal", "focal", [2] },
        { "focal(0)", "focal", [0] },
        { "focal(1)", "focal", [1] },
        { "focal(0.5)", "focal", [0.5] },
        { "focal(3.5)", "focal", [3.5] },
        { "poly1", "poly1", [1] },
        { "poly1(-1)", "poly1", [-1] },
        { "poly1(4)", "poly1", [4] },
        { "mae", "mae", [] },
        { "gce", "gce", [0.7] },
        { "gce(0.3)", "gce", [0.3] },
        { "gce(1)", "gce", [1] },
        { "sce", "sce", [0.01, 1] },
        { "sce(0.1,1)", "sce", [0.1, 1] },
        { "sce(1,0)", "sce", [1, 0] },
        { "nce+rce", "nce+rce", [1, 10] },
        { "nce+rce(1,1)", "nce+rce", [1, 1] },
        { "nce+rce(0.5,0)", "nce+rce", [0.5, 0] },
        { "nce+nnce", "nce+nnce", [1, 1] },
        { "nce+nnce(5,5)", "nce+nnce", [5, 5] },
        { "nce+nnce(0,2)", "nce+nnce", [0, 2] },
        { "baikal", "baikal", [] },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void Value_and_logit_gradient_match_the_float64_reference(string name, string family, double[] arguments)
    {
        var interpreter = new LossInterpreter(LossZoo.Get(name));
        foreach (var (logits, label) in Points)
        {
            double Reference(double[] z) => ReferenceLoss(family, arguments, z, label);
            var gradient = new double[logits.Length];

            var value = interpreter.Evaluate(logits, label, gradient);

            var expected = Reference(logits);
            Assert.True(Math.Abs(value - expected) <= ValueTolerance * Math.Max(1, Math.Abs(expected)), $"{name} at [{string.Join(", ", logits)}], label {label}: {value:R}, reference {expected:R}");
            var expectedGradient = CentralDifferences(Reference, logits);
            for (var j = 0; j < logits.Length; j++)
            {
                Assert.True(
                    Math.Abs(gradient[j] - expectedGradient[j]) <= GradientTolerance * Math.Max(1, Math.Abs(expectedGradient[j])),
                    $"{name} at [{string.Join(", ", logits)}], label {label}: dL/dz[{j}] {gradient[j]:R}, reference {expectedGradient[j]:R}");
            }
        }
    }

    [Fact]
    public void Nce_and_nnce_have_known_values_on_two_classes()
    {
        // p = [0.25, 0.75], label 1: NCE = log(4/3) / (log 4 + log(4/3)); NNCE = 1 - (A + log 0.75) / (2A + log 0.25 + log 0.75).
        double[] logits = [Math.Log(0.25), Math.Log(0.75)];
        var nce = Math.Log(4.0 / 3) / (Math.Log(4) + Math.Log(4.0 / 3));
        var nnce = 1 - (NnceA + Math.Log(0.75)) / (2 * NnceA + Math.Log(0.25) + Math.Log(0.75));

        Assert.Equal(nce, new LossInterpreter(LossZoo.Get("nce+rce(1,0)")).Evaluate(logits, 1, new double[2]), 14);
        Assert.Equal(nnce, new LossInterpreter(LossZoo.Get("nce+nnce(0,1)")).Evaluate(logits, 1, new double[2]), 14);
        Assert.Equal(0.17185550924272538, nce, 15); // computed in Python
    }

    [Fact]
    public void Loss_eval_from_probabilities_agrees_with_logits_for_normalised_terms()
    {
        double[] p = [0.1, 0.2, 0.7];
        var interpreter = new LossInterpreter(LossZoo.Get("nce+nnce(5,5)"));
        var fromP = new double[3];
        var fromZ = new double[3];

        var a = interpreter.EvaluateProbabilities(p, 0, fromP);
        var b = interpreter.Evaluate(p.Select(x => Math.Log(x) + 3).ToArray(), 0, fromZ);

        Assert.Equal(b, a, 12);
        Assert.Equal(fromZ, fromP, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    private static double ReferenceLoss(string family, double[] a, double[] z, int k)
    {
        var p = Softmax(z);
        var logP = z.Select(v => v - Math.Log(z.Sum(Math.Exp))).ToArray();
        var classes = z.Length;
        double Ln(double x) => Math.Log(Math.Abs(x) + Eps);
        double Y(int c) => c == k ? 1 : 0;
        double Nce() => -logP[k] / -logP.Sum();
        double Nnce()
        {
            var b = p.Select(pc => NnceA + Math.Log(Math.Max(pc, 1e-7))).ToArray();
            return 1 - b[k] / b.Sum();
        }

        return family switch
        {
            "ce" => -Ln(p[k]),
            "ls-ce" => -Enumerable.Range(0, classes).Sum(c => ((1 - a[0]) * Y(c) + a[0] / classes) * Ln(p[c])),
            "focal" => -Math.Pow(a[0] is 0 or 1 or 2 ? 1 - p[k] : Math.Abs(1 - p[k]) + Eps, a[0]) * Ln(p[k]),
            "poly1" => -Ln(p[k]) + a[0] * (1 - p[k]),
            "mae" => Enumerable.Range(0, classes).Sum(c => Math.Abs(p[c] - Y(c))),
            "gce" => (1 - Math.Pow(p[k] + Eps, a[0])) / a[0],
            "sce" => a[0] * -Ln(p[k]) + a[1] * -Enumerable.Range(0, classes).Sum(c => p[c] * Math.Log(Math.Max(Y(c), 1e-4))),
            "nce+rce" => a[0] * Nce() + a[1] * Rce * (1 - p[k]),
            "nce+nnce" => a[0] * Nce() + a[1] * Nnce(),
            "baikal" => -Enumerable.Range(0, classes).Sum(c => Ln(p[c]) - Y(c) / (p[c] + Eps)),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
        };
    }

    private static double[] Softmax(double[] z)
    {
        var e = z.Select(Math.Exp).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    // Richardson-extrapolated central differences: error O(h^4).
    private static double[] CentralDifferences(Func<double[], double> f, double[] z)
    {
        const double h = 1e-4;
        var gradient = new double[z.Length];
        for (var j = 0; j < z.Length; j++)
        {
            double At(double step)
            {
                var moved = (double[])z.Clone();
                moved[j] += step;
                return f(moved);
            }

            gradient[j] = (8 * (At(h) - At(-h)) - (At(2 * h) - At(-2 * h))) / (12 * h);
        }

        return gradient;
    }
}
