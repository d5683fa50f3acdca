using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class OperatorPrintingTests
{
    public static TheoryData<Op> Operators => [.. Enum.GetValues<Op>().Where(op => !OperatorCatalog.IsLeaf(op))];

    [Theory]
    [MemberData(nameof(Operators))]
    public void Every_operator_prints_in_every_language_with_its_operands(Op op)
    {
        var a = Expr.Const(0.25) + Expr.P;
        var b = Expr.Y * Expr.Const(3);
        var expr = OperatorCatalog.Arity(op) == 1 ? Expr.Unary(op, a) : Expr.Binary(op, a, b);

        var latex = LatexPrinter.Print(expr);
        var python = CodePrinter.PyTorchExpression(expr);
        var csharp = CodePrinter.TorchSharpExpression(expr);

        Assert.Contains("0.25", latex);
        Assert.Contains("0.25", python);
        Assert.Contains("0.25", csharp);
        if (OperatorCatalog.Arity(op) == 2)
        {
            Assert.Contains("3", latex);
            Assert.Contains("3", python);
        }

        Assert.Equal(latex.Count(c => c == '{'), latex.Count(c => c == '}'));
        Assert.Equal(python.Count(c => c == '('), python.Count(c => c == ')'));
        Assert.DoesNotContain("{0}", python + csharp + latex);
    }

    [Fact]
    public void Reciprocal_latex_keeps_its_literal_one()
    {
        Assert.Equal(@"\frac{1}{1+\left|p\right|}", LatexPrinter.Print(Expr.Unary(Op.SoftRecip, Expr.P)));
        Assert.Equal(@"\frac{1}{p}", LatexPrinter.Print(Expr.Unary(Op.Recip, Expr.P)));
    }
}
