using System.Collections.Immutable;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// An immutable node of an element-wise loss expression t(y, p, z). Structural equality:
/// two trees are equal when they have the same operators, constants and shape.
/// </summary>
public sealed class Expr : IEquatable<Expr>
{
    public static readonly Expr Y = new(Op.Y, 0, []);
    public static readonly Expr P = new(Op.P, 0, []);
    public static readonly Expr Z = new(Op.Z, 0, []);

    private readonly int hashCode;

    private Expr(Op op, double value, ImmutableArray<Expr> children)
    {
        Op = op;
        Value = value;
        Children = children;
        Size = 1 + children.Sum(c => c.Size);
        Depth = 1 + (children.Length == 0 ? 0 : children.Max(c => c.Depth));
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
        double.IsFinite(value) ? new(Op.Const, value == 0 ? 0 : value, []) : throw new ArgumentOutOfRangeException(nameof(value), value, "constants must be finite");

    public static Expr Leaf(Op op) => op switch
    {
        Op.Y => Y,
        Op.P => P,
        Op.Z => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a variable"),
    };

    public static Expr Unary(Op op, Expr operand) =>
        OperatorCatalog.Arity(op) == 1 ? new(op, 0, [operand]) : throw new ArgumentOutOfRangeException(nameof(op), op, "not a unary operator");

    public static Expr Binary(Op op, Expr left, Expr right) =>
        OperatorCatalog.Arity(op) == 2 ? new(op, 0, [left, right]) : throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator");

    public static Expr operator +(Expr a, Expr b) => Binary(Op.Add, a, b);

    public static Expr operator -(Expr a, Expr b) => Binary(Op.Sub, a, b);

    public static Expr operator *(Expr a, Expr b) => Binary(Op.Mul, a, b);

    public static Expr operator /(Expr a, Expr b) => Binary(Op.Div, a, b);

    public static Expr operator -(Expr a) => Unary(Op.Neg, a);

    /// <summary>Rebuilds this node with other children (same operator).</summary>
    public Expr WithChildren(ImmutableArray<Expr> children) =>
        children.Length == Children.Length ? new(Op, Value, children) : throw new ArgumentException("wrong number of children", nameof(children));

    public bool Uses(Op leaf) => Op == leaf || Children.Any(c => c.Uses(leaf));

    /// <summary>All nodes in pre-order; index 0 is this node.</summary>
    public IEnumerable<Expr> Nodes()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.Nodes())
            {
                yield return node;
            }
        }
    }

    /// <summary>Returns a copy with the pre-order node at <paramref name="index"/> replaced.</summary>
    public Expr Replace(int index, Expr replacement)
    {
        if (index == 0)
        {
            return replacement;
        }

        var offset = 1;
        for (var i = 0; i < Children.Length; i++)
        {
            var child = Children[i];
            if (index < offset + child.Size)
            {
                return WithChildren(Children.SetItem(i, child.Replace(index - offset, replacement)));
            }

            offset += child.Size;
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, "no such node");
    }

    public bool Equals(Expr? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (hashCode == other.hashCode && Op == other.Op && Value.Equals(other.Value) && Children.SequenceEqual(other.Children)));

    public override bool Equals(object? obj) => Equals(obj as Expr);

    public override int GetHashCode() => hashCode;

    public override string ToString() => InfixPrinter.Print(this);
}
