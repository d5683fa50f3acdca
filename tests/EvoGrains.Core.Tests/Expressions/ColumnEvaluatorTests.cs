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

    [Fact]
    public void Scratch_columns_equal_remembered_ones_and_are_not_remembered_until_kept()
    {
        var remembered = new ColumnEvaluator(P, Z, capacity: 64);
        var columns = new ColumnEvaluator(P, Z, capacity: 64);
        var scratch = new ColumnScratch(P.Length);
        var parent = ExpressionParser.Parse("erf(p) * log(p + 0.3)");
        columns.Evaluate(parent, 1);
        var known = columns.Computed;
        var child = ExpressionParser.Parse("y * (erf(p) * log(p + 0.3)) / sq(p - 0.2)");

        scratch.Reset();
        var column = columns.Evaluate(child, 1, scratch);

        Assert.Equal(remembered.Evaluate(child, 1), column);
        Assert.Equal(known, columns.Computed);

        scratch.Keep();
        var kept = columns.Computed;
        Assert.True(kept > known, "keeping hands the scratch columns to the evaluator");
        Assert.Equal(remembered.Evaluate(child, 1), columns.Evaluate(child, 1));
        Assert.Equal(kept, columns.Computed);
    }

    [Fact]
    public void A_reset_scratch_reuses_its_columns_and_a_kept_one_does_not()
    {
        var columns = new ColumnEvaluator(P, Z, capacity: 64);
        var scratch = new ColumnScratch(P.Length);
        var first = columns.Evaluate(ExpressionParser.Parse("y * exp(p)"), 1, scratch);

        scratch.Reset();
        var second = columns.Evaluate(ExpressionParser.Parse("y * sin(p)"), 1, scratch);
        Assert.Same(first, second);

        scratch.Keep();
        var third = columns.Evaluate(ExpressionParser.Parse("y * cos(p)"), 1, scratch);
        Assert.NotSame(second, third);
        Assert.Equal(new ColumnEvaluator(P, Z, 4).Evaluate(ExpressionParser.Parse("y * sin(p)"), 1), second);
    }

    [Fact]
    public void A_scratch_of_another_length_is_refused()
    {
        var columns = new ColumnEvaluator(P, Z, capacity: 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => columns.Evaluate(Expr.P, 1, new ColumnScratch(P.Length + 1)));
    }
}
