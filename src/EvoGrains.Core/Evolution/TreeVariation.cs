using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>GP variation operators on expression trees, all respecting a depth limit.</summary>
public sealed class TreeVariation(TreeGenerator generator, int maxDepth)
{
    private const int Attempts = 20;

    public int MaxDepth { get; } = maxDepth;

    /// <summary>
    /// Subtree crossover: a random subtree of <paramref name="a"/> replaced by one of <paramref name="b"/>.
    /// </summary>
    public Expr Crossover(Expr a, Expr b, Random random)
    {
        var donors = b.Nodes().ToList();
        return Retry(a, () => a.Replace(random.Next(a.Size), donors[random.Next(donors.Count)]));
    }

    /// <summary>
    /// Point mutation: one node's operator swapped for another of the same arity (or a leaf for a leaf).
    /// </summary>
    public Expr PointMutation(Expr tree, Random random)
    {
        var nodes = tree.Nodes().ToList();
        var index = random.Next(nodes.Count);
        var node = nodes[index];
        var operators = generator.Operators;
        var replacement = node.Children.Length switch
        {
            0 => generator.Leaf(random),
            1 => operators.Unary.Count == 0
                ? node
                : Expr.Unary(operators.Unary[random.Next(operators.Unary.Count)], node[0]),
            _ => Expr.Binary(operators.Binary[random.Next(operators.Binary.Count)], node[0], node[1]),
        };
        return tree.Replace(index, replacement);
    }

    /// <summary>Subtree mutation: a random subtree replaced by a freshly grown one.</summary>
    public Expr SubtreeMutation(Expr tree, Random random) =>
        Retry(tree, () => tree.Replace(random.Next(tree.Size), generator.Grow(random, Math.Max(1, MaxDepth / 2))));

    /// <summary>Hoist mutation: a random subtree becomes the whole tree (fights bloat).</summary>
    public Expr HoistMutation(Expr tree, Random random)
    {
        var nodes = tree.Nodes().Where(n => n.Children.Length > 0).ToList();
        return nodes.Count <= 1 ? tree : nodes[random.Next(1, nodes.Count)];
    }

    /// <summary>One of the three mutations, chosen uniformly.</summary>
    public Expr Mutate(Expr tree, Random random) => random.Next(3) switch
    {
        0 => PointMutation(tree, random),
        1 => SubtreeMutation(tree, random),
        _ => HoistMutation(tree, random),
    };

    private Expr Retry(Expr fallback, Func<Expr> make)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var child = make();
            if (child.Depth <= MaxDepth)
            {
                return child;
            }
        }

        return fallback;
    }
}
