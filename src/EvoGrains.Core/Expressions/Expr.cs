using System.Collections.Immutable;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// An immutable node of an element-wise loss expression t(y, p, z). Structural equality:
/// two trees are equal when they have the same operators, constants and shape. No tree has more
/// than <see cref="ExpressionLimits.MaxNodes"/> nodes, and nothing here recurses.
/// </summary>
public sealed class Expr : IEquatable<Expr>
{
    public static readonly Expr Y = new(Op.Y, 0, []);
    public static readonly Expr P = new(Op.P, 0, []);
    public static readonly Expr Z = new(Op.Z, 0, []);

    private readonly int hashCode;

    // A bit for each variable (y, p, z) the tree reads: screening asks that of every bred child.
    private readonly byte variables;

    private Expr(Op op, double value, ImmutableArray<Expr> children)
    {
        Op = op;
        Value = value;
        Children = children;
        var size = 1;
        var depth = 0;
        variables = VariableBit(op);
        foreach (var child in children)
        {
            size += child.Size;
            depth = Math.Max(depth, child.Depth);
            variables |= child.variables;
        }

        if (size > ExpressionLimits.MaxNodes)
        {
            throw new ArgumentException(
                $"an expression has at most {ExpressionLimits.MaxNodes:N0} nodes; this one would have {size:N0}",
                nameof(children));
        }

        Size = size;
        Depth = 1 + depth;
        var hash = new HashCode();
        hash.Add(op);
        hash.Add(value);
        foreach (var child in children)
        {
            hash.Add(child.hashCode);
        }

        hashCode = hash.ToHashCode();
    }

    public Op Op { get; }

    /// <summary>The constant's value; 0 for every other node.</summary>
    public double Value { get; }

    public ImmutableArray<Expr> Children { get; }

    /// <summary>Number of nodes in the tree.</summary>
    public int Size { get; }

    /// <summary>Levels of the tree: a leaf has depth 1.</summary>
    public int Depth { get; }

    public bool IsConstant => Op == Op.Const;

    public Expr this[int index] => Children[index];

    public static Expr Const(double value) =>
        double.IsFinite(value)
            ? new(Op.Const, value == 0 ? 0 : value, [])
            : throw new ArgumentOutOfRangeException(nameof(value), value, "constants must be finite");

    public static Expr Leaf(Op op) => op switch
    {
        Op.Y => Y,
        Op.P => P,
        Op.Z => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a variable"),
    };

    public static Expr Unary(Op op, Expr operand) =>
        OperatorCatalog.Arity(op) == 1
            ? new(op, 0, [operand])
            : throw new ArgumentOutOfRangeException(nameof(op), op, "not a unary operator");

    public static Expr Binary(Op op, Expr left, Expr right) =>
        OperatorCatalog.Arity(op) == 2
            ? new(op, 0, [left, right])
            : throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator");

    public static Expr operator +(Expr a, Expr b) => Binary(Op.Add, a, b);

    public static Expr operator -(Expr a, Expr b) => Binary(Op.Sub, a, b);

    public static Expr operator *(Expr a, Expr b) => Binary(Op.Mul, a, b);

    public static Expr operator /(Expr a, Expr b) => Binary(Op.Div, a, b);

    public static Expr operator -(Expr a) => Unary(Op.Neg, a);

    /// <summary>Rebuilds this node with other children (same operator).</summary>
    public Expr WithChildren(ImmutableArray<Expr> children) =>
        children.Length == Children.Length
            ? new(Op, Value, children)
            : throw new ArgumentException("wrong number of children", nameof(children));

    public bool Uses(Op leaf) =>
        VariableBit(leaf) is var bit and not 0 ? (variables & bit) != 0 : Nodes().Any(node => node.Op == leaf);

    /// <summary>All nodes in pre-order; index 0 is this node.</summary>
    public IEnumerable<Expr> Nodes()
    {
        var pending = new Stack<Expr>();
        pending.Push(this);
        while (pending.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Length - 1; i >= 0; i--)
            {
                pending.Push(node.Children[i]);
            }
        }
    }

    /// <summary>Returns a copy with the pre-order node at <paramref name="index"/> replaced.</summary>
    public Expr Replace(int index, Expr replacement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        var path = new Stack<(Expr Parent, int Child)>();
        var node = this;
        while (index > 0)
        {
            // Skip the node itself, then whole subtrees until the one holding the index.
            index--;
            var child = 0;
            while (index >= node.Children[child].Size)
            {
                index -= node.Children[child].Size;
                child++;
            }

            path.Push((node, child));
            node = node.Children[child];
        }

        var result = replacement;
        while (path.TryPop(out var step))
        {
            result = step.Parent.WithChildren(step.Parent.Children.SetItem(step.Child, result));
        }

        return result;
    }

    public bool Equals(Expr? other)
    {
        // Equal trees mostly share their subtrees, so the walk usually ends without a stack.
        Stack<(Expr A, Expr B)>? pending = null;
        var (a, b) = (this, other);
        while (true)
        {
            if (!ReferenceEquals(a, b))
            {
                if (b is null || a.hashCode != b.hashCode || a.Op != b.Op || !a.Value.Equals(b.Value)
                    || a.Children.Length != b.Children.Length)
                {
                    return false;
                }

                for (var i = 0; i < a.Children.Length; i++)
                {
                    if (!ReferenceEquals(a.Children[i], b.Children[i]))
                    {
                        (pending ??= new()).Push((a.Children[i], b.Children[i]));
                    }
                }
            }

            if (pending is null || !pending.TryPop(out var next))
            {
                return true;
            }

            (a, b) = next;
        }
    }

    public override bool Equals(object? obj) => Equals(obj as Expr);

    public override int GetHashCode() => hashCode;

    private static byte VariableBit(Op op) => op switch
    {
        Op.Y => 1,
        Op.P => 2,
        Op.Z => 4,
        _ => 0,
    };

    public override string ToString() => InfixPrinter.Print(this);
}
