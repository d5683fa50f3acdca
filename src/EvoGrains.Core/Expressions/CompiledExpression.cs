using System.Runtime.CompilerServices;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// An expression flattened to postfix for fast double-precision evaluation with forward-mode
/// derivatives with respect to p and z (y is data, never differentiated).
/// </summary>
public sealed class CompiledExpression
{
    private readonly Op[] ops;
    private readonly byte[] arities;
    private readonly double[] constants;
    private readonly int stackDepth;

    private CompiledExpression(Op[] ops, double[] constants, int stackDepth)
    {
        this.ops = ops;
        arities = ops.Select(op => (byte)OperatorCatalog.Arity(op)).ToArray();
        this.constants = constants;
        this.stackDepth = stackDepth;
    }

    public static CompiledExpression Compile(Expr expr)
    {
        var ops = new List<Op>(expr.Size);
        var constants = new List<double>(expr.Size);
        var depth = 0;
        var maxDepth = 0;
        Emit(expr);
        return new CompiledExpression([.. ops], [.. constants], maxDepth);

        void Emit(Expr node)
        {
            foreach (var child in node.Children)
            {
                Emit(child);
            }

            ops.Add(node.Op);
            constants.Add(node.Value);
            depth += 1 - node.Children.Length;
            maxDepth = Math.Max(maxDepth, depth);
        }
    }

    /// <summary>t(y, p, z) with dt/dp and dt/dz.</summary>
    [SkipLocalsInit]
    public double Evaluate(double y, double p, double z, out double dp, out double dz)
    {
        Span<double> value = stackalloc double[stackDepth];
        Span<double> gradP = stackalloc double[stackDepth];
        Span<double> gradZ = stackalloc double[stackDepth];
        var top = -1;
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            switch (arities[i])
            {
                case 0:
                    top++;
                    (value[top], gradP[top], gradZ[top]) = op switch
                    {
                        Op.Y => (y, 0.0, 0.0),
                        Op.P => (p, 1.0, 0.0),
                        Op.Z => (z, 0.0, 1.0),
                        _ => (constants[i], 0.0, 0.0),
                    };
                    break;
                case 1:
                    value[top] = OperatorMath.Unary(op, value[top], out var d);
                    gradP[top] = Chain(gradP[top], d);
                    gradZ[top] = Chain(gradZ[top], d);
                    break;
                default:
                    var a = top - 1;
                    value[a] = OperatorMath.Binary(op, value[a], value[top], out var da, out var db);
                    gradP[a] = Chain(gradP[a], da) + Chain(gradP[top], db);
                    gradZ[a] = Chain(gradZ[a], da) + Chain(gradZ[top], db);
                    top = a;
                    break;
            }
        }

        dp = gradP[0];
        dz = gradZ[0];
        return value[0];
    }

    /// <summary>t(y, p, z) without derivatives.</summary>
    public double Evaluate(double y, double p, double z = 0) => Evaluate(y, p, z, out _, out _);

    // A branch that does not depend on the variable contributes nothing, even where the
    // operator's derivative is infinite (autograd never visits such a branch either).
    private static double Chain(double inner, double outer) => inner == 0 ? 0 : inner * outer;
}
