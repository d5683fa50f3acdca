using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class CanonicalizerTests
{
    private static Expr Parse(string text) => ExpressionParser.Parse(text);

    private static Expr Canon(string text) => Canonicalizer.Canonicalize(Parse(text));

    private static ulong Hash(string text) => LossFunction.Parse(text).Hash;

    [Theory]
    [InlineData("y + p", "p + y")]
    [InlineData("y * log(p)", "log(p) * y")]
    [InlineData("(y + p) + log(p)", "y + (p + log(p))")]
    [InlineData("(y * p) * log(p)", "y * (p * log(p))")]
    [InlineData("max(max(y, p), 0.5)", "max(0.5, max(p, y))")]
    [InlineData("min(y, p)", "min(p, y)")]
    [InlineData("p * 1", "p")]
    [InlineData("1 * p", "p")]
    [InlineData("p + 0", "p")]
    [InlineData("0 + p", "p")]
    [InlineData("p - 0", "p")]
    [InlineData("--p", "p")]
    [InlineData("-(-(y * p))", "p * y")]
    [InlineData("max(p, 0)", "max0(p)")]
    [InlineData("max(0, p)", "relu(p)")]
    [InlineData("min(p, 0)", "min0(p)")]
    [InlineData("p * -1", "-p")]
    [InlineData("abs(-p)", "abs(p)")]
    [InlineData("abs(abs(p))", "abs(p)")]
    [InlineData("abs(sq(p))", "sq(p)")]
    [InlineData("sq(-p)", "sq(p)")]
    [InlineData("y - -p", "p + y")]
    [InlineData("p - 2", "p + -2")]
    [InlineData("0 - p", "-p")]
    [InlineData("2 * 3 * p", "6 * p")]
    [InlineData("p + 1 + 2", "3 + p")]
    [InlineData("max(p, p)", "p")]
    [InlineData("-(y * log(p))", "-(log(p) * y)")]
    public void Trivially_equal_forms_share_one_canonical_form_and_hash(string a, string b)
    {
        Assert.Equal(Canon(a), Canon(b));
        Assert.Equal(Hash(a), Hash(b));
    }

    [Theory]
    [InlineData("y - p", "p - y")]
    [InlineData("y / p", "p / y")]
    [InlineData("-(y * log(p))", "y * log(p)")]
    [InlineData("log(p)", "log10(p)")]
    [InlineData("p * 0", "0")]
    [InlineData("max(p, 1)", "p")]
    public void Different_functions_hash_differently(string a, string b)
    {
        Assert.NotEqual(Hash(a), Hash(b));
    }

    [Fact]
    public void Reduction_and_smoothing_are_part_of_the_identity()
    {
        var sum = LossFunction.Parse("-(y * log(p))");
        var mean = LossFunction.Parse("-(y * log(p))", ClassReduction.Mean);
        var smoothed = sum with { LabelSmoothing = 0.1 };

        Assert.NotEqual(sum.Hash, mean.Hash);
        Assert.NotEqual(sum.Hash, smoothed.Hash);
        Assert.NotEqual(mean.Hash, smoothed.Hash);
    }

    [Fact]
    public void Constants_fold_with_the_protected_operators()
    {
        Assert.Equal(Expr.Const(Math.Log(2 + OperatorCatalog.Epsilon)), Canon("log(2)"));
        Assert.Equal(Expr.Const(1 / (2 + OperatorCatalog.Epsilon)), Canon("1 / 2"));
    }

    [Fact]
    public void Folding_that_overflows_keeps_the_expression()
    {
        var canonical = Canon("exp(1000) * p");
        Assert.True(canonical.Uses(Op.P));
        Assert.Contains(canonical.Nodes(), n => n.Op == Op.Exp);
    }

    // When a constant chain overflows, SimplifyChain (Canonicalizer.cs, the "Folding overflowed" branch)
    // re-emits the constants as a left-nested chain; on the next pass the innermost pair folds on its own
    // (0.1 * 1e300 = 1e299), so the canonical form changes: 0.1 * 1E+300 * 1E+300 * p, then
    // 1E+299 * 1E+300 * p. The canonical text (and LossFunction.Hash) of a stored canonical form then differs.
    [Fact]
    public void Canonicalisation_is_idempotent_when_constants_overflow()
    {
        var once = Canon("p * 1e300 * 1e300 * 0.1");

        Assert.Equal(once, Canonicalizer.Canonicalize(once));
        Assert.Equal(LossFunction.Parse("p * 1e300 * 1e300 * 0.1").Hash, new LossFunction(once).Hash);
    }

    [Fact]
    public void Canonicalisation_is_idempotent()
    {
        RandomTrees.Trees(6).Sample(
            expr =>
            {
                var once = Canonicalizer.Canonicalize(expr);
                Assert.Equal(once, Canonicalizer.Canonicalize(once));
            },
            iter: 2000);
    }

    [Fact]
    public void Canonical_form_parses_back_to_itself()
    {
        RandomTrees.Trees(6).Sample(
            expr =>
            {
                var canonical = Canonicalizer.Canonicalize(expr);
                Assert.Equal(canonical, ExpressionParser.Parse(InfixPrinter.Print(canonical)));
            },
            iter: 500);
    }

    [Fact]
    public void Canonical_form_preserves_the_value()
    {
        var checkedPoints = 0;
        RandomTrees.Trees(5).Select(Gen.Int).Sample(
            (expr, seed) =>
            {
                var original = CompiledExpression.Compile(expr);
                var canonical = CompiledExpression.Compile(Canonicalizer.Canonicalize(expr));
                var random = new Random(seed);
                for (var k = 0; k < 20; k++)
                {
                    var y = random.Next(2);
                    var p = 1e-6 + (1 - 2e-6) * random.NextDouble();
                    var z = -5 + 10 * random.NextDouble();
                    var a = RandomTrees.NaNSafe(() => original.Evaluate(y, p, z));
                    var b = RandomTrees.NaNSafe(() => canonical.Evaluate(y, p, z));
                    if (!double.IsFinite(a) || !double.IsFinite(b))
                    {
                        continue;
                    }

                    Interlocked.Increment(ref checkedPoints);
                    var scale = Math.Max(Math.Abs(a), Math.Abs(b));
                    var close = Math.Abs(a - b) <= 1e-9 * scale || Math.Abs(a - b) <= 1e-9 * scale + RoundingFloor(expr, y, p, z);
                    Assert.True(
                        close,
                        $"{expr} -> {Canonicalizer.Canonicalize(expr)} at y={y}, p={p:R}, z={z:R}: {a:R} vs {b:R}");
                }
            },
            iter: 1000);
        Assert.True(checkedPoints > 5000, $"only {checkedPoints} finite points were compared");
    }

    /// <summary>
    /// Reassociating a sum moves rounding errors around: a cancellation's absolute error is about the
    /// size of the largest intermediate value times machine epsilon (1e-9 leaves amplification room).
    /// </summary>
    private static double RoundingFloor(Expr expr, double y, double p, double z) =>
        1e-9 * expr.Nodes().Max(n => Math.Abs(RandomTrees.NaNSafe(() => CompiledExpression.Compile(n).Evaluate(y, p, z))) is var v && double.IsFinite(v) ? v : 0);

    [Fact]
    public void Fnv1a_known_vectors()
    {
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Of(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
        Assert.Equal("cbf29ce484222325", StableHash.ToHex(StableHash.Of("")));
        Assert.Equal("af63dc4c8601ec8c", StableHash.ToHex(StableHash.Of("a")));
    }

    // Pinned once (canonical text "-(log(p) * y)"): the hash names stored results, so it must never drift.
    [Fact]
    public void Hash_of_cross_entropy_is_pinned()
    {
        var ce = LossFunction.Parse("-(y * log(p))");

        Assert.Equal("-(log(p) * y)", ce.CanonicalText);
        Assert.Equal("df5458a6c6f1d9db", ce.HashHex);
        Assert.Equal(StableHash.Of("-(log(p) * y)"), ce.Hash);
        Assert.Equal("66395c04e8e4f593", LossFunction.Parse("-(log(p) - y / p)").HashHex);
    }

    [Theory]
    [InlineData("log(p) * 0", "0")]
    [InlineData("0 * exp(1 / p) * 2 + p", "p")]
    [InlineData("0 / (p + 1)", "0")]
    [InlineData("isru(0, p)", "0")]
    [InlineData("isru(sinh(p), 0)", "sinh(p)")]
    [InlineData("isru(sinh(p), abs(0)) / 0", "sinh(p) / 0")]
    [InlineData("abs(1) * log(p)", "log(p)")]
    [InlineData("isru(p, abs(1))", "isru(p, 1)")]
    [InlineData("-(0 * log(p)) + 1 * -log(p)", "-log(p)")]
    public void Simplify_also_folds_the_zeros_that_absorb_finite_terms(string expression, string simplified)
    {
        Assert.Equal(Canon(simplified), Canonicalizer.Simplify(Parse(expression)));
    }

    [Theory]
    [InlineData("log(p) * 0")]
    [InlineData("0 / (p + 1)")]
    [InlineData("isru(sinh(p), 0)")]
    public void Canonical_forms_keep_what_only_simplify_folds(string expression)
    {
        // The hash of a stored search's losses must not move: x·0 is NaN where x overflows, so it is not canonical.
        Assert.NotEqual(Canonicalizer.Simplify(Parse(expression)), Canon(expression));
    }

    [Fact]
    public void A_loss_canonicalised_again_from_a_new_copy_of_its_tree_gets_the_same_form()
    {
        RandomTrees.Trees().Sample(tree =>
        {
            var first = new LossFunction(tree);
            var copy = new LossFunction(Parse(tree.ToString()));

            Assert.Equal(Canonicalizer.Canonicalize(tree), first.Canonical);
            Assert.Equal(first.Canonical, copy.Canonical);
            Assert.Equal(InfixPrinter.Print(Canonicalizer.Canonicalize(tree)), copy.CanonicalText);
            Assert.Equal(first.Hash, copy.Hash);
        }, iter: 500);
    }
}
