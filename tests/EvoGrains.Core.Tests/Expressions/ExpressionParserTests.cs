using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class ExpressionParserTests
{
    private static readonly Expr Y = Expr.Y;
    private static readonly Expr P = Expr.P;

    private static Expr C(double value) => Expr.Const(value);

    private static Expr U(Op op, Expr x) => Expr.Unary(op, x);

    private static Expr B(Op op, Expr a, Expr b) => Expr.Binary(op, a, b);

    [Fact]
    public void Parses_baikal()
    {
        Assert.Equal(-(U(Op.Log, P) - Y / P), ExpressionParser.Parse("-(log(p) - y/p)"));
    }

    [Fact]
    public void Parses_ngl()
    {
        var expected = U(Op.Exp, C(2.4092) - P * (C(1) + Y)) - U(Op.Cos, U(Op.Cos, U(Op.Sin, P)));
        Assert.Equal(expected, ExpressionParser.Parse("exp(2.4092 - p*(1+y)) - cos(cos(sin(p)))"));
    }

    [Theory]
    [InlineData("x^2")]
    [InlineData("p^2")]
    [InlineData("p ^ 2")]
    public void Caret_two_is_a_square(string text)
    {
        Assert.Equal(U(Op.Square, P), ExpressionParser.Parse(text.Replace('x', 'p')));
    }

    [Fact]
    public void Square_of_a_parenthesised_sum()
    {
        Assert.Equal(U(Op.Square, Y - P), ExpressionParser.Parse("(y - p)^2"));
    }

    [Fact]
    public void Binary_functions_take_two_arguments()
    {
        Assert.Equal(B(Op.Max, P, Y), ExpressionParser.Parse("max(p, y)"));
        Assert.Equal(B(Op.Isru, Y, P), ExpressionParser.Parse("isru(y,p)"));
        Assert.Equal(B(Op.Min, P - Y, C(0)), ExpressionParser.Parse("min(p - y, 0)"));
    }

    [Theory]
    [InlineData("1e-3", 1e-3)]
    [InlineData("2.5E+2", 250)]
    [InlineData(".5", 0.5)]
    [InlineData("3", 3)]
    [InlineData("1E-07", 1e-7)]
    public void Parses_constants(string text, double expected)
    {
        var expr = ExpressionParser.Parse(text);
        Assert.True(expr.IsConstant);
        Assert.Equal(expected, expr.Value);
    }

    [Fact]
    public void A_minus_before_a_number_is_a_negative_constant()
    {
        Assert.Equal(C(-2) * P, ExpressionParser.Parse("-2 * p"));
        Assert.Equal(C(-1e-3), ExpressionParser.Parse("-1e-3"));
        Assert.Equal(P - C(-2), ExpressionParser.Parse("p - -2"));
    }

    [Fact]
    public void A_minus_before_anything_else_is_negation()
    {
        Assert.Equal(-P * Y, ExpressionParser.Parse("-p * y"));
        Assert.Equal(-(-P), ExpressionParser.Parse("--p"));
        Assert.Equal(-C(2), ExpressionParser.Parse("-(2)"));
    }

    [Fact]
    public void Precedence_and_left_associativity()
    {
        Assert.Equal(Y + P * Y, ExpressionParser.Parse("y + p * y"));
        Assert.Equal((Y - P) - Y, ExpressionParser.Parse("y - p - y"));
        Assert.Equal((Y / P) / Y, ExpressionParser.Parse("y / p / y"));
        Assert.Equal(Y - (P - Y), ExpressionParser.Parse("y - (p - y)"));
    }

    [Fact]
    public void Aliases_and_all_variables()
    {
        Assert.Equal(U(Op.Log, P) + U(Op.SqrtAbs, Y) + U(Op.Max0, Expr.Z), ExpressionParser.Parse("ln(p) + sqrt(y) + relu(z)"));
    }

    [Theory]
    [InlineData("log(p", 6, "expected ')'")]
    [InlineData("p + ", 5, "expected a number")]
    [InlineData("foo(p)", 1, "unknown function or variable 'foo'")]
    [InlineData("p $ y", 3, "'$'")]
    [InlineData("", 1, "expected an expression")]
    [InlineData("max(p)", 6, "expected ','")]
    [InlineData("log(p, y)", 6, "expected ')'")]
    [InlineData("p^3", 3, "exponent 2")]
    [InlineData("(p + y", 7, "expected ')'")]
    [InlineData("p y", 3, "found 'y'")]
    [InlineData("1.2.3", 1, "not a finite number")]
    [InlineData("1e999", 1, "not a finite number")]
    public void Errors_name_the_one_based_position_and_what_was_expected(string text, int position, string fragment)
    {
        var error = Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"position {position}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printed_examples_read_as_written()
    {
        Assert.Equal("-(log(p) - y / p)", InfixPrinter.Print(ExpressionParser.Parse("-(log(p) - y/p)")));
        Assert.Equal("p * -2", InfixPrinter.Print(P * C(-2)));
        Assert.Equal("-(2)", InfixPrinter.Print(-C(2)));
        Assert.Equal("-(-2)", InfixPrinter.Print(-C(-2)));
        Assert.Equal("y - (p - y)", InfixPrinter.Print(Y - (P - Y)));
        Assert.Equal("sq(p)", InfixPrinter.Print(U(Op.Square, P)));
    }

    [Fact]
    public void Negated_and_negative_constants_round_trip()
    {
        Expr[] cases =
        [
            -C(2), -C(-2), C(-2) * P, P * C(-2), P - C(-2), C(-2) - P, -(-P), -(-(-C(-0.5))), C(-2) / P,
            P / -P, -(P * Y), -P * Y, U(Op.Square, C(-2)), U(Op.Square, -P), C(-1e-7) + P, C(1e300) * P,
            -(C(-3) * P), C(-3) * -P, C(1.0 / 3) - P,
        ];
        foreach (var expr in cases)
        {
            Assert.Equal(expr, ExpressionParser.Parse(InfixPrinter.Print(expr)));
        }
    }

    [Fact]
    public void Parse_of_print_is_the_identity_on_random_trees()
    {
        RandomTrees.Trees(7).Sample(
            expr => Assert.Equal(expr, ExpressionParser.Parse(InfixPrinter.Print(expr))),
            iter: 2000);
    }

    [Fact]
    public void Print_of_parse_of_print_is_stable_on_random_trees()
    {
        RandomTrees.Trees(6).Sample(
            expr =>
            {
                var text = InfixPrinter.Print(expr);
                Assert.Equal(text, InfixPrinter.Print(ExpressionParser.Parse(text)));
            },
            iter: 500);
    }

    // Convention (maths, Python's -2**2): a prefix minus binds looser than the power, so "-2^2" is
    // -(2^2) = -4, exactly as "-p^2" is -(p^2). The parser reads "-2" as a constant first instead.
    [Fact]
    public void Minus_binds_looser_than_power_for_constants_as_for_variables()
    {
        var constant = CompiledExpression.Compile(ExpressionParser.Parse("-2^2")).Evaluate(0, 0.5);
        var variable = CompiledExpression.Compile(ExpressionParser.Parse("-p^2")).Evaluate(0, 2);

        Assert.Equal(-4, variable);
        Assert.Equal(-4, constant);
    }
}
