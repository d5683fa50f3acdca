using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>Random GP trees: Koza's grow and full methods under a depth limit.</summary>
public sealed class TreeGenerator(OperatorSet operators)
{
    private const double LeafShareWhenGrowing = 0.3;
    private const double UnaryShare = 0.5;

    public OperatorSet Operators { get; } = operators;

    /// <summary>Grow: any node may be a leaf before the depth limit.</summary>
    public Expr Grow(Random random, int maxDepth) => Build(random, maxDepth, full: false);

    /// <summary>Full: every branch reaches the depth limit.</summary>
    public Expr Full(Random random, int maxDepth) => Build(random, maxDepth, full: true);

    /// <summary>Ramped half-and-half: depths 2..maxDepth, grow or full with equal odds.</summary>
    public Expr RampedHalfAndHalf(Random random, int maxDepth)
    {
        var depth = random.Next(Math.Min(2, maxDepth), maxDepth + 1);
        return random.Next(2) == 0 ? Grow(random, depth) : Full(random, depth);
    }

    public Expr Leaf(Random random)
    {
        var total = Operators.Variables.Count + Operators.Constants.Count;
        var pick = random.Next(total);
        return pick < Operators.Variables.Count
            ? Expr.Leaf(Operators.Variables[pick])
            : Expr.Const(Operators.Constants[pick - Operators.Variables.Count]);
    }

    private Expr Build(Random random, int depth, bool full)
    {
        if (depth <= 1 || (!full && random.NextDouble() < LeafShareWhenGrowing))
        {
            return Leaf(random);
        }

        if (Operators.Unary.Count > 0 && (Operators.Binary.Count == 0 || random.NextDouble() < UnaryShare))
        {
            return Expr.Unary(Operators.Unary[random.Next(Operators.Unary.Count)], Build(random, depth - 1, full));
        }

        var op = Operators.Binary[random.Next(Operators.Binary.Count)];
        return Expr.Binary(op, Build(random, depth - 1, full), Build(random, depth - 1, full));
    }
}
