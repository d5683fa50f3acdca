using System.Collections.Immutable;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// Rewrites an expression into the one form all its trivially-equal variants share: constants
/// folded, commutative/associative chains flattened and sorted, and identities that hold for
/// every finite input applied (x+0, x*1, x*-1, --x, max(x,0), |−x|, ...).
/// <see cref="Simplify"/> goes further for reading a loss, not for naming it.
/// </summary>
public static class Canonicalizer
{
    /// <summary>
    /// The canonical form: what a loss's hash is taken of (so its rules never change a stored search's hashes).
    /// </summary>
    public static Expr Canonicalize(Expr expr) => Rewrite(expr, annihilate: false);

    /// <summary>
    /// The canonical form with the zeros that absorb what they meet folded too: x·0 = 0, 0/x = 0, isru(0, x) = 0 and
    /// isru(x, 0) = x, which hold wherever x is finite (0/x also needs x ≠ -1e-7, the protected division's pole). For
    /// reading a loss, e.g. its one-hot halves, where y·log p is 0 for y = 0.
    /// </summary>
    public static Expr Simplify(Expr expr) => Rewrite(expr, annihilate: true);

    private static Expr Rewrite(Expr expr, bool annihilate)
    {
        // Sort keys by node: a chain of n terms is re-sorted at each of its n levels, and printing
        // every term again at each level made a 1,000-term sum take seconds.
        var keys = new Dictionary<Expr, string>(ReferenceEqualityComparer.Instance);
        return ExprWalk.Fold<Expr>(expr, (node, children) =>
        {
            if (OperatorCatalog.IsLeaf(node.Op))
            {
                return node;
            }

            var simplified = Simplify(node.WithChildren([.. children]), keys);
            return annihilate && Annihilated(simplified) is { } zero ? zero : simplified;
        });
    }

    private static Expr? Annihilated(Expr e) => e.Op switch
    {
        Op.Mul when IsZero(e[0]) || IsZero(e[1]) => Expr.Const(0),
        Op.Div or Op.Isru when IsZero(e[0]) => Expr.Const(0),
        Op.Isru when IsZero(e[1]) => e[0],
        _ => null,
    };

    private static bool IsZero(Expr e) => e.IsConstant && e.Value == 0;

    private static Expr Simplify(Expr e, Dictionary<Expr, string> keys)
    {
        if (e.Children.All(c => c.IsConstant) && TryFold(e, out var folded))
        {
            return folded;
        }

        return e.Op switch
        {
            Op.Add or Op.Mul or Op.Max or Op.Min => SimplifyChain(e, keys),
            Op.Sub => SimplifySub(e, keys),
            Op.Neg => SimplifyNeg(e[0]),
            Op.Abs when e[0].Op is Op.Abs or Op.Square => e[0],
            Op.Abs when e[0].Op == Op.Neg => Simplify(Expr.Unary(Op.Abs, e[0][0]), keys),
            Op.Square when e[0].Op == Op.Neg => Simplify(Expr.Unary(Op.Square, e[0][0]), keys),
            _ => e,
        };
    }

    private static Expr SimplifyNeg(Expr operand) => operand.Op switch
    {
        Op.Neg => operand[0],
        Op.Const => Expr.Const(-operand.Value),
        _ => Expr.Unary(Op.Neg, operand),
    };

    private static Expr SimplifySub(Expr e, Dictionary<Expr, string> keys)
    {
        var (a, b) = (e[0], e[1]);
        if (b.IsConstant && b.Value == 0)
        {
            return a;
        }

        if (a.IsConstant && a.Value == 0)
        {
            return SimplifyNeg(b);
        }

        // a - (-b) and a - c (constant) become sums so that they sort and fold with their neighbours.
        if (b.Op == Op.Neg)
        {
            return SimplifyChain(a + b[0], keys);
        }

        if (b.IsConstant)
        {
            return SimplifyChain(a + Expr.Const(-b.Value), keys);
        }

        return e;
    }

    private static Expr SimplifyChain(Expr e, Dictionary<Expr, string> keys)
    {
        var op = e.Op;
        var operands = new List<Expr>();
        Flatten(e, op, operands);

        var terms = operands.Where(o => !o.IsConstant).ToList();
        var constants = FoldConstants(op, operands.Where(o => o.IsConstant).Select(o => o.Value));
        double? constant = null;
        if (constants.Count == 1)
        {
            constant = constants[0];
        }
        else
        {
            // Folding overflowed: keep the finite partial results, which fold the same way again.
            terms.AddRange(constants.Select(Expr.Const));
        }

        var negate = false;
        if (op == Op.Mul && constant is { } factor)
        {
            if (factor == 1)
            {
                constant = null;
            }
            else if (factor == -1 && terms.Count > 0)
            {
                constant = null;
                negate = true;
            }
        }
        else if (op == Op.Add && constant == 0 && terms.Count > 0)
        {
            constant = null;
        }
        else if (op is Op.Max or Op.Min && constant == 0 && terms.Count == 1)
        {
            return Expr.Unary(op == Op.Max ? Op.Max0 : Op.Min0, terms[0]);
        }

        if (op is Op.Max or Op.Min)
        {
            terms = terms.Distinct().ToList();
        }

        var sorted = terms.Select(t => (Key: SortKey(t, keys), Term: t))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Term)
            .ToList();
        if (constant is { } k)
        {
            sorted.Add(Expr.Const(k));
        }

        var result = sorted.Count == 0
            ? Expr.Const(op == Op.Mul ? 1 : 0)
            : sorted.Skip(1).Aggregate(sorted[0], (acc, next) => Expr.Binary(op, acc, next));
        return negate ? SimplifyNeg(result) : result;
    }

    private static string SortKey(Expr term, Dictionary<Expr, string> keys)
    {
        if (!keys.TryGetValue(term, out var key))
        {
            key = InfixPrinter.Print(term);
            keys.Add(term, key);
        }

        return key;
    }

    /// <summary>Combines constants smallest first while the result stays finite.</summary>
    private static List<double> FoldConstants(Op op, IEnumerable<double> values)
    {
        var folded = new List<double>();
        foreach (var value in values.OrderBy(Math.Abs))
        {
            if (folded.Count > 0 && double.IsFinite(Combine(op, folded[^1], value)))
            {
                folded[^1] = Combine(op, folded[^1], value);
            }
            else
            {
                folded.Add(value);
            }
        }

        return folded;
    }

    /// <summary>The operands of a chain of <paramref name="op"/>, left to right.</summary>
    private static void Flatten(Expr e, Op op, List<Expr> into)
    {
        var pending = new Stack<Expr>();
        pending.Push(e);
        while (pending.TryPop(out var node))
        {
            if (node.Op != op)
            {
                into.Add(node);
                continue;
            }

            for (var i = node.Children.Length - 1; i >= 0; i--)
            {
                pending.Push(node.Children[i]);
            }
        }
    }

    private static double Combine(Op op, double a, double b) => op switch
    {
        Op.Add => a + b,
        Op.Mul => a * b,
        Op.Max => Math.Max(a, b),
        _ => Math.Min(a, b),
    };

    private static bool TryFold(Expr e, out Expr folded)
    {
        var value = e.Children.Length == 1
            ? OperatorMath.Unary(e.Op, e[0].Value, out _)
            : OperatorMath.Binary(e.Op, e[0].Value, e[1].Value, out _, out _);
        folded = double.IsFinite(value) ? Expr.Const(value) : e;
        return double.IsFinite(value);
    }
}
