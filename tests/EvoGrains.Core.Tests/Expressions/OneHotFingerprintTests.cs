using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class OneHotFingerprintTests
{
    private const string Twin = "-erf(isru(sinh(p), abs(y)) / y)";
    private const string TwinWithOne = "-erf(isru(sinh(p), abs(1)) / y)";

    private static ulong Fingerprint(string nameOrExpression) => LossZoo.Resolve(nameOrExpression).Fingerprint;

    [Fact]
    public void Losses_that_differ_only_off_the_one_hot_labels_are_one_loss()
    {
        var a = LossFunction.Parse(Twin);
        var b = LossFunction.Parse(TwinWithOne);

        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.FingerprintHex, b.FingerprintHex);
    }

    [Theory]
    [InlineData(Twin, TwinWithOne)]
    [InlineData("-(y * log(p))", "-(y * log(p)) + 10 * p + 3")]
    [InlineData("-(y * log(p))", "-(abs(y) * log(p))")]
    public void Twins_have_equal_sketches(string a, string b)
    {
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(LossFunction.Parse(a).FingerprintSketch, LossFunction.Parse(b).FingerprintSketch);
    }

    [Theory]
    [InlineData("ce", "-(y * log(p)) * (1 - p) * (1 - p)")]
    [InlineData("-(y * log(p))", "-(y * log(p)) * 2")]
    [InlineData("abs(y - p)", "(y - p) * (y - p)")] // equal differences of the halves' derivatives, unequal steps
    public void Different_losses_have_different_sketches(string a, string b)
    {
        Assert.NotEqual(LossZoo.Resolve(a).FingerprintSketch, LossZoo.Resolve(b).FingerprintSketch);
    }

    [Fact]
    public void The_twins_are_equal_on_one_hot_labels_and_differ_elsewhere()
    {
        var a = CompiledExpression.Compile(ExpressionParser.Parse(Twin));
        var b = CompiledExpression.Compile(ExpressionParser.Parse(TwinWithOne));
        foreach (var p in OneHotFingerprint.P)
        {
            foreach (var y in new[] { 0.0, 1.0 })
            {
                Assert.Equal(a.Evaluate(y, p, Math.Log(p), out var da, out _), b.Evaluate(y, p, Math.Log(p), out var db, out _));
                Assert.Equal(da, db);
            }
        }

        Assert.NotEqual(a.Evaluate(0.5, 0.5, Math.Log(0.5)), b.Evaluate(0.5, 0.5, Math.Log(0.5)));
    }

    [Fact]
    public void With_label_smoothing_the_halves_are_taken_on_the_smoothed_labels_and_the_twins_part()
    {
        var a = LossFunction.Parse(Twin) with { LabelSmoothing = 0.1 };
        var b = LossFunction.Parse(TwinWithOne) with { LabelSmoothing = 0.1 };

        Assert.Equal(0.91, a.OneHot.TrueLabel, 1e-15);
        Assert.Equal(0.01, a.OneHot.OtherLabel, 1e-15);
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(LossFunction.Parse(Twin).Fingerprint, a.Fingerprint);
    }

    [Theory]
    [InlineData("-(y * log(p)) + 5")]
    [InlineData("-(log(p) * y)")]
    [InlineData("y * -log(p)")]
    [InlineData("-(y * log(p)) + 0 * p")]
    [InlineData("-(y * log(p)) + 10 * p")]
    [InlineData("-(y * log(p)) - 3 * p + 2")]
    [InlineData("-(abs(y) * log(p))")]
    [InlineData("-(sq(y) * log(p))")]
    [InlineData("-(max(y, 0) * log(p))")]
    public void Constants_and_terms_no_gradient_sees_do_not_change_the_fingerprint(string expression)
    {
        Assert.Equal(Fingerprint("ce"), Fingerprint(expression));
    }

    [Theory]
    [InlineData("-(y * log(p)) * 2")]
    [InlineData("-(y * log(p)) + sq(p)")]
    [InlineData("-(y * log(p)) + y * p")]
    [InlineData("-(y * log(p)) + z")]
    [InlineData("ls-ce")]
    [InlineData("focal(0.01)")]
    public void Losses_that_train_differently_have_other_fingerprints(string expression)
    {
        Assert.NotEqual(Fingerprint("ce"), Fingerprint(expression));
    }

    [Fact]
    public void The_mean_over_classes_is_not_a_scaled_sum()
    {
        // Equal at 10 classes, not at 100: the reduction is part of the identity.
        var mean = LossFunction.Parse("-(y * log(p))", ClassReduction.Mean);
        var scaled = LossFunction.Parse("-(y * log(p)) * 0.1");

        Assert.NotEqual(mean.Fingerprint, scaled.Fingerprint);
        Assert.NotEqual(mean.Fingerprint, LossZoo.CrossEntropy.Fingerprint);
    }

    [Fact]
    public void Every_zoo_family_default_has_its_own_fingerprint()
    {
        var fingerprints = LossZoo.Families.Select(f => f.Default.Loss.Fingerprint).ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.NotEqual(LossZoo.Get("nce+rce(1,1)").Fingerprint, LossZoo.Get("nce+rce(1,2)").Fingerprint);
    }

    [Fact]
    public void Equal_fingerprints_mean_equal_gradients_on_the_probes()
    {
        // What the fingerprint promises, checked on the nearest-loss probes (one-hot labels, 10 classes).
        string[] equivalent = ["-(y * log(p))", "-(y * log(p)) + 10 * p + 3", "-(abs(y) * log(p))"];
        var reference = KnownLossFinder.Gradient(LossZoo.CrossEntropy);
        foreach (var expression in equivalent)
        {
            var gradient = KnownLossFinder.Gradient(LossFunction.Parse(expression));
            for (var i = 0; i < reference.Length; i++)
            {
                Assert.Equal(reference[i], gradient[i], 1e-9);
            }
        }
    }

    [Fact]
    public void The_fingerprint_is_stable_across_processes()
    {
        // FNV-1a of fixed text: a change here changes every stored search's evaluation keys.
        Assert.Equal("03fb00a87aec2ae7", LossZoo.CrossEntropy.FingerprintHex);
    }
}
