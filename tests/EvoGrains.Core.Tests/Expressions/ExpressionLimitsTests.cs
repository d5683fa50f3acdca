using System.Diagnostics;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>
/// Inputs far past <see cref="ExpressionLimits"/> are parse errors naming the limit, and every walk
/// over the largest and deepest accepted trees runs on a thread with a small stack.
/// </summary>
public sealed class ExpressionLimitsTests
{
    // A fraction of the 1.5 MB .NET gives pool threads: a walk that passes here has a wide margin.
    private const int SmallStack = 256 * 1024;

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string> FarPastTheCaps => new()
    {
        { "p" + Repeat(" + p", 100_000), "at most 100,000 characters long; this one has 400,001" },
        { Repeat("(", 100_000) + "p" + Repeat(")", 100_000), "at most 100,000 characters" },
        { Repeat("sin(", 100_000) + "p" + Repeat(")", 100_000), "at most 100,000 characters" },
        { "p" + Repeat("+p", 45_000), "at most 4,000 nodes" },
        { "p" + Repeat("*y", 45_000), "at most 4,000 nodes" },
        { Repeat("exp(", 19_000) + "p" + Repeat(")", 19_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("max(p, ", 12_000) + "p" + Repeat(")", 12_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("-", 90_000) + "p", "at most 2,000 levels deep" },
        { Repeat("-sin(", 1_500) + "p" + Repeat(")", 1_500), "at most 2,000 levels deep" },
        { Repeat("-(", 30_000) + "p" + Repeat(")", 30_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("p - (", 15_000) + "y" + Repeat(")", 15_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("(", 45_000) + "p" + Repeat(")", 45_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("(", 45_000) + "p" + Repeat(")", 44_999), "nests at most 2,000 parentheses and function calls" },
    };

    [Theory]
    [MemberData(nameof(FarPastTheCaps))]
    public void Inputs_far_past_the_caps_are_parse_errors_naming_the_limit(string text, string limit)
    {
        var error = Assert.Throws<ExpressionParseException>(() => OnSmallStack(() => ExpressionParser.Parse(text)));

        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_limits_are_exact()
    {
        var widest = "sin(sin(sin(p" + Repeat(" + y * p", (ExpressionLimits.MaxNodes - 4) / 4) + ")))";
        Assert.Equal(ExpressionLimits.MaxNodes, ExpressionParser.Parse(widest).Size);
        Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse("-" + widest));

        var deepest = Repeat("tanh(", ExpressionLimits.MaxDepth - 1) + "p" + Repeat(")", ExpressionLimits.MaxDepth - 1);
        Assert.Equal(ExpressionLimits.MaxDepth, ExpressionParser.Parse(deepest).Depth);
        var error = Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse("-" + deepest));
        Assert.Contains("at most 2,000 levels deep", error.Message, StringComparison.Ordinal);

        var parenthesised = Repeat("(", ExpressionLimits.MaxDepth) + "p" + Repeat(")", ExpressionLimits.MaxDepth);
        Assert.Equal(Expr.P, ExpressionParser.Parse(parenthesised));
        error = Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse("(" + parenthesised + ")"));
        Assert.Equal(ExpressionLimits.MaxDepth + 1, error.Position);

        var longest = "p" + new string(' ', ExpressionLimits.MaxTextLength - 1);
        Assert.Equal(Expr.P, ExpressionParser.Parse(longest));
        Assert.Throws<ExpressionParseException>(() => ExpressionParser.Parse(longest + " "));
    }

    [Fact]
    public void No_tree_is_built_past_the_node_cap()
    {
        var chain = Chain(ExpressionLimits.MaxNodes);

        var error = Assert.Throws<ArgumentException>(() => chain + Expr.P);
        Assert.Contains("at most 4,000 nodes", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> LargestAccepted => new()
    {
        // The widest: a flat sum at the node cap (left-leaning, 800 levels).
        "y * log(p)" + Repeat(" + sin(p) * y", (ExpressionLimits.MaxNodes - 4) / 5),
        // The deepest: right-leaning subtractions, calls and signs at the depth cap.
        Repeat("p - (", (ExpressionLimits.MaxDepth - 1) / 2) + "y" + Repeat(")", (ExpressionLimits.MaxDepth - 1) / 2),
        Repeat("tanh(", ExpressionLimits.MaxDepth - 1) + "p" + Repeat(")", ExpressionLimits.MaxDepth - 1),
        Repeat("max(y, ", ExpressionLimits.MaxDepth - 1) + "p" + Repeat(")", ExpressionLimits.MaxDepth - 1),
        Repeat("-", ExpressionLimits.MaxDepth - 2) + "log(p)",
        // A balanced sum of 1,024 terms (12 levels) whose canonical form is a chain over 1,000 levels deep.
        Balanced(10),
    };

    [Theory]
    [MemberData(nameof(LargestAccepted))]
    public void Every_walk_over_the_largest_accepted_expressions_fits_a_small_stack(string text)
    {
        OnSmallStack(() =>
        {
            var expr = ExpressionParser.Parse(text);
            EveryWalk(expr);
            Assert.Equal(expr, ExpressionParser.Parse(InfixPrinter.Print(expr)));
            return expr;
        });
    }

    [Fact]
    public void Every_walk_over_trees_built_to_the_node_cap_fits_a_small_stack()
    {
        // Shapes deeper than the parser accepts, which code can build: chains and a unary tower, each 2,000+ levels deep.
        var left = Chain(ExpressionLimits.MaxNodes);
        var right = Enumerable.Range(0, (ExpressionLimits.MaxNodes - 1) / 2).Aggregate(Expr.Y, (acc, _) => Expr.Const(0.5) - acc);
        var tower = Enumerable.Range(0, ExpressionLimits.MaxNodes - 1).Aggregate(Expr.P, (acc, i) => Expr.Unary(i % 2 == 0 ? Op.Tanh : Op.Neg, acc));
        Assert.Equal(ExpressionLimits.MaxNodes, tower.Depth);

        OnSmallStack(() =>
        {
            foreach (var expr in new[] { left, right, tower })
            {
                EveryWalk(expr);
            }

            return left;
        });
    }

    [Fact]
    public void Canonicalising_the_longest_sum_is_quick()
    {
        var sum = ExpressionParser.Parse("p" + Repeat(" + y * p", (ExpressionLimits.MaxNodes - 1) / 4 - 1) + " + 3");
        var watch = Stopwatch.StartNew();

        var canonical = Canonicalizer.Canonicalize(sum);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"canonicalising took {watch.Elapsed}");
        Assert.Equal(Op.Add, canonical.Op);
        Assert.Equal(3, canonical[1].Value);
    }

    private static string Balanced(int levels) =>
        levels == 0 ? "sin(p)" : $"({Balanced(levels - 1)} + {Balanced(levels - 1).Replace("sin", "cos")})";

    private static Expr Chain(int nodes) =>
        Enumerable.Range(0, (nodes - 1) / 2).Aggregate(Expr.P, (acc, i) => acc + (i % 3 == 0 ? Expr.Y : Expr.Const(i)));

    private static void EveryWalk(Expr expr)
    {
        var loss = new LossFunction(expr);
        var canonical = loss.Canonical;
        Assert.Equal(canonical, Canonicalizer.Canonicalize(canonical));
        Assert.Equal(16, loss.HashHex.Length);
        Assert.NotEmpty(InfixPrinter.Print(canonical));
        Assert.NotEmpty(LatexPrinter.Print(loss));
        Assert.NotEmpty(CodePrinter.PyTorch(loss));
        Assert.NotEmpty(CodePrinter.TorchSharp(loss));
        Assert.Equal(expr.Size, expr.Nodes().Count());
        Assert.True(expr.Uses(Op.P) || expr.Uses(Op.Y));
        var replaced = expr.Replace(expr.Size - 1, Expr.Z);
        Assert.True(replaced.Uses(Op.Z));
        Assert.Equal(expr.Size, replaced.Size);
        Assert.Equal(expr, Rebuilt(expr));

        var compiled = CompiledExpression.Compile(expr);
        var value = compiled.Evaluate(0.5, 0.25, -1.386, out _, out _);
        Assert.Equal(value, compiled.Evaluate(0.5, 0.25, -1.386), 9);
        var columns = new ColumnEvaluator([0.25], [-1.386], capacity: 64);
        Assert.Equal(compiled.Evaluate(0.5, 0.25, -1.386), columns.Evaluate(expr, 0.5)[0]);
        _ = IntegrityCheck.Run(loss);
        _ = new LossInterpreter(loss).Evaluate([0.1, -0.2, 0.3], 1, new double[3]);
    }

    // A structurally equal copy sharing no nodes, so equality has to walk the whole tree.
    private static Expr Rebuilt(Expr expr) =>
        ExprWalk.Fold<Expr>(expr, static (node, children) => node.Op switch
        {
            Op.Const => Expr.Const(node.Value),
            Op.Y or Op.P or Op.Z => node,
            _ => node.WithChildren([.. children]),
        });

    private static T OnSmallStack<T>(Func<T> action)
    {
        Exception? failure = null;
        var result = default(T);
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = action();
                }
                catch (Exception error)
                {
                    failure = error;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return result!;
    }
}
