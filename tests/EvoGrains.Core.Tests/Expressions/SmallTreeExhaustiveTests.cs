using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>
/// Every tree of the shapes u(u(a)), u(b(a, b)), b(u(a), b), b(a, u(b)) and b(b(a, b), c) over a few
/// leaves: small enough to enumerate, and each rewrite rule of the canonicaliser meets each operator.
/// </summary>
public sealed class SmallTreeExhaustiveTests
{
    private static readonly Expr[] Leaves = [Expr.Y, Expr.P, Expr.Z, Expr.Const(-1), Expr.Const(0), Expr.Const(1), Expr.Const(2.5)];

    private static readonly (double Y, double P, double Z)[] Points =
        [.. from y in new[] { 0.0, 1.0 } from p in new[] { 0.03, 0.97 } from z in new[] { -3.7, -1.3, 2.2 } select (y, p, z)];

    private static IEnumerable<Expr> SmallTrees()
    {
        var unary = OperatorCatalog.AllUnary;
        var binary = OperatorCatalog.AllBinary;
        foreach (var a in Leaves)
        {
            foreach (var u in unary)
            {
                foreach (var v in unary)
                {
                    yield return Expr.Unary(u, Expr.Unary(v, a));
                }
            }

            foreach (var b in Leaves)
            {
                foreach (var u in unary)
                {
                    foreach (var op in binary)
                    {
                        yield return Expr.Unary(u, Expr.Binary(op, a, b));
                        yield return Expr.Binary(op, Expr.Unary(u, a), b);
                        yield return Expr.Binary(op, a, Expr.Unary(u, b));
                    }
                }

                foreach (var c in Leaves)
                {
                    foreach (var outer in binary)
                    {
                        foreach (var inner in binary)
                        {
                            yield return Expr.Binary(outer, Expr.Binary(inner, a, b), c);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Canonical_forms_of_all_small_trees_keep_their_value_and_are_fixed_points()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var tree in SmallTrees())
        {
            count++;
            var canonical = Canonicalizer.Canonicalize(tree);
            if (!canonical.Equals(Canonicalizer.Canonicalize(canonical)))
            {
                failures.Add($"not idempotent: {tree} -> {canonical} -> {Canonicalizer.Canonicalize(canonical)}");
            }

            if (!canonical.Equals(ExpressionParser.Parse(InfixPrinter.Print(canonical))))
            {
                failures.Add($"canonical form does not round trip: {canonical}");
            }

            var original = CompiledExpression.Compile(tree);
            var rewritten = CompiledExpression.Compile(canonical);
            foreach (var (y, p, z) in Points)
            {
                var a = RandomTrees.NaNSafe(() => original.Evaluate(y, p, z));
                var b = RandomTrees.NaNSafe(() => rewritten.Evaluate(y, p, z));
                if (double.IsFinite(a) && double.IsFinite(b) && Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                {
                    failures.Add($"{tree} -> {canonical} at y={y} p={p} z={z}: {a:R} vs {b:R}");
                }
            }
        }

        Assert.True(count > 40000, $"{count} trees");
        Assert.True(failures.Count == 0, $"{failures.Count} failures, e.g.\n{string.Join("\n", failures.Take(20))}");
    }

    [Fact]
    public void All_small_trees_round_trip_through_the_printer()
    {
        foreach (var tree in SmallTrees())
        {
            Assert.Equal(tree, ExpressionParser.Parse(InfixPrinter.Print(tree)));
        }
    }
}
