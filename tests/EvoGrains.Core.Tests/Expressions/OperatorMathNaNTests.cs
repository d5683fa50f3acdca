using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>
/// A NaN intermediate (inf - inf, 0 * inf, i0(inf), ...) must flow through as NaN so that screening
/// rejects the candidate as non-finite (Math.Sign(NaN) used to throw ArithmeticException).
/// </summary>
public sealed class OperatorMathNaNTests
{
    public static TheoryData<Op> UnaryOps() => [.. OperatorCatalog.AllUnary];

    public static TheoryData<Op> BinaryOps() => [.. OperatorCatalog.AllBinary];

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Unary_operators_propagate_NaN(Op op)
    {
        var value = OperatorMath.Unary(op, double.NaN, out _);
        Assert.True(double.IsNaN(value) || op is Op.Max0 or Op.Min0, $"{op}(NaN) = {value}");
    }

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void Binary_operators_propagate_NaN(Op op)
    {
        Assert.True(double.IsNaN(OperatorMath.Binary(op, double.NaN, 1, out _, out _)) || op is Op.Max or Op.Min);
        Assert.True(double.IsNaN(OperatorMath.Binary(op, 1, double.NaN, out _, out _)) || op is Op.Max or Op.Min);
    }

    [Fact]
    public void Screening_rejects_a_loss_with_a_NaN_intermediate_as_not_finite()
    {
        // exp(1000 p) overflows for p > 0.71, so inf - inf = NaN feeds abs.
        var verdict = new ScreeningFunnel().Screen(LossFunction.Parse("y * abs(exp(1000 * p) - exp(1000 * p))"));

        Assert.Equal(ScreeningStage.Integrity, verdict.Stage);
        Assert.Contains("not finite", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compiled_expression_returns_NaN_for_a_NaN_intermediate()
    {
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse("log(exp(1000) - exp(1000)) * p"));
        Assert.True(double.IsNaN(compiled.Evaluate(1, 0.5)));
    }
}
