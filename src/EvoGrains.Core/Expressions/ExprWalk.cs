using System.Runtime.InteropServices;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// Bottom-up folds over a tree with an explicit stack instead of recursion, so a walk over the
/// deepest tree <see cref="ExpressionLimits"/> allows (a chain of thousands of terms) needs no
/// more call stack than over a leaf.
/// </summary>
public static class ExprWalk
{
    /// <summary>A value already known for a whole subtree, which the fold then does not enter.</summary>
    public delegate bool TryKnown<T>(Expr node, out T value);

    /// <summary>Combines a node with the values of its children (in order).</summary>
    public delegate T Combine<T>(Expr node, ReadOnlySpan<T> children);

    /// <summary>
    /// The value of <paramref name="root"/>: <paramref name="combine"/> is called once per node,
    /// children before parents, left to right, except inside subtrees <paramref name="known"/> answers.
    /// </summary>
    public static T Fold<T>(Expr root, Combine<T> combine, TryKnown<T>? known = null)
    {
        var pending = new Stack<(Expr Node, bool ChildrenDone)>();
        var values = new List<T>();
        pending.Push((root, false));
        while (pending.TryPop(out var item))
        {
            var node = item.Node;
            if (!item.ChildrenDone)
            {
                if (known is not null && known(node, out var value))
                {
                    values.Add(value);
                    continue;
                }

                if (node.Children.Length > 0)
                {
                    pending.Push((node, true));
                    for (var i = node.Children.Length - 1; i >= 0; i--)
                    {
                        pending.Push((node.Children[i], false));
                    }

                    continue;
                }
            }

            var first = values.Count - node.Children.Length;
            var combined = combine(node, CollectionsMarshal.AsSpan(values)[first..]);
            values.RemoveRange(first, node.Children.Length);
            values.Add(combined);
        }

        return values[0];
    }
}
