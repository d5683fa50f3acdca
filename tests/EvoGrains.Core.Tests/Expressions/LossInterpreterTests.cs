using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class LossInterpreterTests
{
    [Fact]
    public void Gradients_match_central_finite_differences_on_random_smooth_losses()
    {
        var compared = 0;
        var samples = 0;
        var scenario =
            from tree in RandomTrees.Trees(RandomTrees.Smooth, 5)
            from classes in Gen.Int[3, 10]
            from logits in Gen.Double[-4, 4].Array[classes]
            from label in Gen.Int[0, classes - 1]
            from mean in Gen.Bool
            from smoothing in Gen.OneOf(Gen.Const(0.0), Gen.Const(0.1))
            select (tree, logits, label, mean, smoothing);

        scenario.Sample(
            (tree, logits, label, mean, smoothing) =>
            {
                Interlocked.Increment(ref samples);
                var loss = new LossFunction(tree, mean ? ClassReduction.Mean : ClassReduction.Sum, smoothing);
                var interpreter = new LossInterpreter(loss);
                var gradient = new double[logits.Length];
                var value = RandomTrees.NaNSafe(() => interpreter.Evaluate(logits, label, gradient));
                if (!double.IsFinite(value) || Math.Abs(value) > 1e6 || gradient.Any(g => !double.IsFinite(g) || Math.Abs(g) > 1e6))
                {
                    return;
                }

                var p = new double[logits.Length];
                LossInterpreter.Softmax(logits, p);
                var offLabel = smoothing / logits.Length;
                for (var c = 0; c < logits.Length; c++)
                {
                    if (NearLogKink(tree, (c == label ? 1 - smoothing : 0) + offLabel, p[c], logits[c]))
                    {
                        return;
                    }
                }

                var scale = Math.Max(1, gradient.Max(Math.Abs));
                var estimates = new double[logits.Length];
                for (var j = 0; j < logits.Length; j++)
                {
                    var h = 1e-6 * Math.Max(1, Math.Abs(logits[j]));
                    var fine = CentralDifference(interpreter, logits, label, j, h);
                    var coarse = CentralDifference(interpreter, logits, label, j, 4 * h);

                    // Near a kink of |x| (inside log) or where rounding dominates, the two step sizes disagree: skip.
                    if (!double.IsFinite(fine) || Math.Abs(fine - coarse) > 1e-6 * scale)
                    {
                        return;
                    }

                    estimates[j] = fine;
                }

                Interlocked.Increment(ref compared);
                for (var j = 0; j < logits.Length; j++)
                {
                    Assert.True(
                        Math.Abs(gradient[j] - estimates[j]) <= 1e-6 * scale,
                        $"{loss} label {label} logits [{string.Join(", ", logits.Select(v => v.ToString("R")))}]: dL/dz{j} = {gradient[j]:R}, finite difference {estimates[j]:R}");
                }
            },
            iter: 600);

        Assert.True(compared > samples / 2, $"only {compared} of {samples} samples were smooth enough to compare");
    }

    /// <summary>
    /// log(|x| + 1e-7) bends over a width of 1e-7 around x = 0, far below any usable finite-difference
    /// step (and a symmetric step straddles the kink); such points say nothing about the derivative.
    /// </summary>
    private static bool NearLogKink(Expr tree, double y, double p, double z) =>
        tree.Nodes().Where(n => n.Op == Op.Log).Any(n => !(Math.Abs(RandomTrees.NaNSafe(() => CompiledExpression.Compile(n[0]).Evaluate(y, p, z))) >= 1e-3));

    private static double CentralDifference(LossInterpreter interpreter, double[] logits, int label, int j, double h)
    {
        var shifted = (double[])logits.Clone();
        var ignored = new double[logits.Length];
        shifted[j] = logits[j] + h;
        var up = RandomTrees.NaNSafe(() => interpreter.Evaluate(shifted, label, ignored));
        shifted[j] = logits[j] - h;
        var down = RandomTrees.NaNSafe(() => interpreter.Evaluate(shifted, label, ignored));
        return (up - down) / (2 * h);
    }

    [Fact]
    public void Compiled_derivatives_match_finite_differences_in_p_and_z()
    {
        var compared = 0;
        RandomTrees.Trees(RandomTrees.Smooth, 5).Select(Gen.Int[0, 1], Gen.Double[0.01, 0.99], Gen.Double[-3, 3]).Sample(
            (tree, y, p, z) =>
            {
                var compiled = CompiledExpression.Compile(tree);
                double dp = double.NaN, dz = double.NaN;
                var value = RandomTrees.NaNSafe(() => compiled.Evaluate(y, p, z, out dp, out dz));
                if (!double.IsFinite(value) || Math.Abs(value) > 1e6 || !double.IsFinite(dp) || !double.IsFinite(dz) || NearLogKink(tree, y, p, z))
                {
                    return;
                }

                const double h = 1e-6;
                double F(double pp, double zz) => RandomTrees.NaNSafe(() => compiled.Evaluate(y, pp, zz));
                var fdP = (F(p + h, z) - F(p - h, z)) / (2 * h);
                var fdP4 = (F(p + 4 * h, z) - F(p - 4 * h, z)) / (8 * h);
                var fdZ = (F(p, z + h) - F(p, z - h)) / (2 * h);
                var fdZ4 = (F(p, z + 4 * h) - F(p, z - 4 * h)) / (8 * h);
                var scale = Math.Max(1, Math.Max(Math.Abs(dp), Math.Abs(dz)));
                if (Math.Abs(fdP - fdP4) > 1e-6 * scale || Math.Abs(fdZ - fdZ4) > 1e-6 * scale)
                {
                    return;
                }

                Interlocked.Increment(ref compared);
                Assert.True(Math.Abs(dp - fdP) <= 1e-6 * scale, $"{tree}: dt/dp {dp:R} vs {fdP:R}");
                Assert.True(Math.Abs(dz - fdZ) <= 1e-6 * scale, $"{tree}: dt/dz {dz:R} vs {fdZ:R}");
            },
            iter: 1000);
        Assert.True(compared > 500, $"only {compared} samples compared");
    }

    public static TheoryData<Op> UnaryOps() => [.. OperatorCatalog.AllUnary];

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Every_unary_derivative_matches_finite_differences(Op op)
    {
        foreach (var x in new[] { -2.3, -0.7, -0.2, 0.3, 0.9, 1.7, 3.1 })
        {
            var value = OperatorMath.Unary(op, x, out var derivative);
            const double h = 1e-6;
            var fd = (OperatorMath.Unary(op, x + h, out _) - OperatorMath.Unary(op, x - h, out _)) / (2 * h);
            Assert.True(double.IsFinite(value));
            Assert.True(Math.Abs(derivative - fd) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{op} at {x}: {derivative:R} vs {fd:R}");
        }
    }

    public static TheoryData<Op> BinaryOps() => [.. OperatorCatalog.AllBinary];

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void Every_binary_derivative_matches_finite_differences(Op op)
    {
        foreach (var (a, b) in new[] { (-1.3, 0.4), (0.7, -2.1), (2.2, 1.1), (-0.6, -0.35) })
        {
            OperatorMath.Binary(op, a, b, out var da, out var db);
            const double h = 1e-6;
            var fdA = (OperatorMath.Binary(op, a + h, b, out _, out _) - OperatorMath.Binary(op, a - h, b, out _, out _)) / (2 * h);
            var fdB = (OperatorMath.Binary(op, a, b + h, out _, out _) - OperatorMath.Binary(op, a, b - h, out _, out _)) / (2 * h);
            Assert.True(Math.Abs(da - fdA) <= 1e-6 * Math.Max(1, Math.Abs(fdA)), $"{op} d/da at ({a}, {b}): {da:R} vs {fdA:R}");
            Assert.True(Math.Abs(db - fdB) <= 1e-6 * Math.Max(1, Math.Abs(fdB)), $"{op} d/db at ({a}, {b}): {db:R} vs {fdB:R}");
        }
    }

    [Fact]
    public void Softmax_sums_to_one_and_survives_large_logits()
    {
        var p = new double[3];
        LossInterpreter.Softmax([1000, 999, -1000], p);

        Assert.Equal(1, p.Sum(), 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[0], 12);
        Assert.All(p, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Label_out_of_range_throws()
    {
        var interpreter = new LossInterpreter(LossZoo.CrossEntropy);
        Assert.Throws<ArgumentOutOfRangeException>(() => interpreter.Evaluate([0.0, 1.0], 2, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => interpreter.Evaluate([0.0, 1.0], -1, new double[2]));
    }
}
