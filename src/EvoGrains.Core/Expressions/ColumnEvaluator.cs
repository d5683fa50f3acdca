using System.Collections.Concurrent;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// Evaluates expressions over one fixed column of (p, z) points, an operator at a time, and
/// remembers the column of every subtree it computed. A bred child shares most of its subtrees with
/// its parents, so evaluating it mostly costs the nodes on the path its mutation changed.
/// Each point gets exactly the operations <see cref="CompiledExpression.Evaluate(double, double, double)"/>
/// applies, so the values are the same to the last bit. Thread-safe; returned columns are shared
/// and must not be written.
/// </summary>
public sealed class ColumnEvaluator
{
    private readonly double[] p;
    private readonly double[] z;
    private readonly int capacity;
    private readonly ConcurrentDictionary<(double Y, Expr Node), double[]> remembered = new();
    private int count;

    /// <param name="p">The probability at each point.</param>
    /// <param name="z">The logit at each point (same length as <paramref name="p"/>).</param>
    /// <param name="capacity">Columns remembered before the memory is cleared and starts again.</param>
    public ColumnEvaluator(double[] p, double[] z, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(z.Length, p.Length, nameof(z));
        this.p = p;
        this.z = z;
        this.capacity = capacity;
    }

    public int Length => p.Length;

    /// <summary>Columns computed since the memory was last cleared.</summary>
    public int Computed => Volatile.Read(ref count);

    /// <summary>t(y, p[i], z[i]) for every point i.</summary>
    public double[] Evaluate(Expr node, double y) =>
        ExprWalk.Fold<double[]>(
            node,
            (n, children) => Remember(n, y, Compute(n, y, children)),
            (n, out column) => TryKnown(n, y, out column));

    private bool TryKnown(Expr node, double y, out double[] column)
    {
        switch (node.Op)
        {
            case Op.P:
                column = p;
                return true;
            case Op.Z:
                column = z;
                return true;
        }

        return remembered.TryGetValue((y, node), out column!);
    }

    private double[] Remember(Expr node, double y, double[] column)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            // Clearing everything is crude but cheap; the live population's subtrees come back at once.
            remembered.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        remembered.TryAdd((y, node), column);
        return column;
    }

    private double[] Compute(Expr node, double y, ReadOnlySpan<double[]> children)
    {
        var result = GC.AllocateUninitializedArray<double>(p.Length);
        switch (children.Length)
        {
            case 0:
                Array.Fill(result, node.Op == Op.Y ? y : node.Value);
                break;
            case 1:
                Unary(node.Op, children[0], result);
                break;
            default:
                Binary(node.Op, children[0], children[1], result);
                break;
        }

        return result;
    }

    private static void Unary(Op op, double[] x, double[] result)
    {
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OperatorMath.UnaryValue(op, x[i]);
        }
    }

    private static void Binary(Op op, double[] a, double[] b, double[] result)
    {
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OperatorMath.BinaryValue(op, a[i], b[i]);
        }
    }
}
