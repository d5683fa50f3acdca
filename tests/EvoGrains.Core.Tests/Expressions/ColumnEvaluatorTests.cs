using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class ColumnEvaluatorTests
{
    private static readonly double[] P = [1e-7, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-7];
    private static readonly double[] Z = P.Select(x => Math.Log(x)).ToArray();

    [Fact]
    public void Columns_equal_the_point_by_point_interpreter_to_the_last_bit()
    {
        var columns = new ColumnEvaluator(P, Z, capacity: 64);
        RandomTrees.Trees().Sample(tree =>
        {
            var compiled = CompiledExpression.Compile(tree);
            foreach (var y in new[] { 0, 0.05, 1 })
            {
                var column = columns.Evaluate(tree, y);
                for (var i = 0; i < P.Length; i++)
                {
                    var expected = compiled.Evaluate(y, P[i], Z[i]);
                    Assert.True(expected.Equals(column[i]), $"{tree} at y={y}, p={P[i]}: {column[i]:R} but the interpreter gives {expected:R}");
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Only_the_nodes_a_mutation_changed_are_computed()
    {
        var columns = new ColumnEvaluator(P, Z, capacity: 64);
        columns.Evaluate(ExpressionParser.Parse("y * (erf(p) * log(p + 0.3)) - sq(p)"), 1);
        var computed = columns.Computed;

        var shared = ExpressionParser.Parse("erf(p) * log(p + 0.3)");
        columns.Evaluate(shared, 1);
        Assert.Equal(computed, columns.Computed);

        columns.Evaluate(Expr.Unary(Op.Tanh, shared), 1);
        Assert.Equal(computed + 1, columns.Computed);

        columns.Evaluate(shared, 0.5);
        Assert.True(columns.Computed > computed + 1, "another y is another column");
    }

    [Fact]
    public void A_full_memory_starts_again_and_values_stay_right()
    {
        var columns = new ColumnEvaluator(P, Z, capacity: 4);
        var tree = ExpressionParser.Parse("y * log(p) + sq(p - 0.2) * exp(-p)");
        var before = columns.Evaluate(tree, 1).ToArray();

        for (var k = 0; k < 20; k++)
        {
            columns.Evaluate(ExpressionParser.Parse($"y * p + {k}"), 1);
        }

        Assert.Equal(before, columns.Evaluate(tree, 1));
    }
}
