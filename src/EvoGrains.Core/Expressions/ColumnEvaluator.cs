using System.Numerics;

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
    // The guard the interpreter adds to every divisor (OperatorCatalog.Epsilon), on each lane.
    private static readonly Vector<double> Epsilon = new(OperatorCatalog.Epsilon);

    private readonly double[] p;
    private readonly double[] z;
    private readonly ClearingCache<(double Y, Expr Node), double[]> remembered;

    /// <param name="p">The probability at each point.</param>
    /// <param name="z">The logit at each point (same length as <paramref name="p"/>).</param>
    /// <param name="capacity">Columns remembered before the memory is cleared and starts again.</param>
    public ColumnEvaluator(double[] p, double[] z, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(z.Length, p.Length, nameof(z));
        this.p = p;
        this.z = z;
        remembered = new(capacity);
    }

    public int Length => p.Length;

    /// <summary>Columns computed since the memory was last cleared.</summary>
    public int Computed => remembered.Added;

    /// <summary>t(y, p[i], z[i]) for every point i; every column computed is remembered.</summary>
    public double[] Evaluate(Expr node, double y) =>
        ExprWalk.Fold<double[]>(
            node,
            (n, children) => Remember(n, y, Compute(n, y, children, GC.AllocateUninitializedArray<double>(p.Length))),
            (n, out column) => TryKnown(n, y, out column));

    /// <summary>
    /// t(y, p[i], z[i]) for every point i, reading remembered subtrees but computing the others into
    /// <paramref name="scratch"/> without remembering them (until <see cref="ColumnScratch.Keep"/>): a candidate that
    /// screening then throws away leaves no garbage. The column is valid until <paramref name="scratch"/> is reset.
    /// </summary>
    public double[] Evaluate(Expr node, double y, ColumnScratch scratch)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(scratch.Length, p.Length, nameof(scratch));
        return ExprWalk.Fold<double[]>(
            node,
            (n, children) => Compute(n, y, children, scratch.Next(this, n, y)),
            (n, out column) => TryKnown(n, y, out column));
    }

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

        return remembered.TryGet((y, node), out column!);
    }

    internal double[] Remember(Expr node, double y, double[] column) => remembered.Add((y, node), column);

    private static double[] Compute(Expr node, double y, ReadOnlySpan<double[]> children, double[] result)
    {
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

    // One switch per column, not per point; the arithmetic operators run a vector of points at a time, with the same
    // IEEE operation on every lane, so the values stay those of the point-by-point interpreter.
    private static void Unary(Op op, double[] x, double[] result)
    {
        switch (op)
        {
            case Op.Neg:
                Lanes<Negate>(x, x, result);
                return;
            case Op.Square:
                Lanes<Square>(x, x, result);
                return;
            case Op.Recip:
                Lanes<Reciprocal>(x, x, result);
                return;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OperatorMath.UnaryValue(op, x[i]);
        }
    }

    private static void Binary(Op op, double[] a, double[] b, double[] result)
    {
        switch (op)
        {
            case Op.Add:
                Lanes<Sum>(a, b, result);
                return;
            case Op.Sub:
                Lanes<Difference>(a, b, result);
                return;
            case Op.Mul:
                Lanes<Product>(a, b, result);
                return;
            case Op.Div:
                Lanes<Quotient>(a, b, result);
                return;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = OperatorMath.BinaryValue(op, a[i], b[i]);
        }
    }

    private static void Lanes<T>(double[] a, double[] b, double[] result)
        where T : struct, ILanes
    {
        var i = 0;
        for (; i <= result.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            T.Apply(new Vector<double>(a, i), new Vector<double>(b, i)).CopyTo(result, i);
        }

        for (; i < result.Length; i++)
        {
            result[i] = T.Apply(a[i], b[i]);
        }
    }

    private interface ILanes
    {
        static abstract Vector<double> Apply(Vector<double> a, Vector<double> b);

        static abstract double Apply(double a, double b);
    }

    private readonly struct Sum : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a + b;

        public static double Apply(double a, double b) => a + b;
    }

    private readonly struct Difference : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a - b;

        public static double Apply(double a, double b) => a - b;
    }

    private readonly struct Product : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a * b;

        public static double Apply(double a, double b) => a * b;
    }

    private readonly struct Quotient : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a / (b + Epsilon);

        public static double Apply(double a, double b) => OperatorMath.BinaryValue(Op.Div, a, b);
    }

    private readonly struct Negate : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => -a;

        public static double Apply(double a, double b) => -a;
    }

    private readonly struct Square : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => a * a;

        public static double Apply(double a, double b) => a * a;
    }

    private readonly struct Reciprocal : ILanes
    {
        public static Vector<double> Apply(Vector<double> a, Vector<double> b) => Vector<double>.One / (a + Epsilon);

        public static double Apply(double a, double b) => OperatorMath.UnaryValue(Op.Recip, a);
    }
}
