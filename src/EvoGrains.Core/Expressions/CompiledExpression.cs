using System.Runtime.CompilerServices;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// An expression flattened to postfix for fast double-precision evaluation with forward-mode
/// derivatives with respect to p and z (y is data, never differentiated).
/// </summary>
public sealed class CompiledExpression
{
    // A right-leaning tree needs one slot per level; past this many, the slots go on the heap.
    private const int MaxStackAllocated = 128;

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
        // Postfix order; each subtree's value is the evaluation stack it needs.
        var stackDepth = ExprWalk.Fold<int>(expr, (node, children) =>
        {
            ops.Add(node.Op);
            constants.Add(node.Value);
            return children.Length switch
            {
                0 => 1,
                1 => children[0],
                _ => Math.Max(children[0], children[1] + 1),
            };
        });
        return new CompiledExpression([.. ops], [.. constants], stackDepth);
    }

    /// <summary>t(y, p, z) with dt/dp and dt/dz.</summary>
    [SkipLocalsInit]
    public double Evaluate(double y, double p, double z, out double dp, out double dz)
    {
        Span<double> value = stackDepth <= MaxStackAllocated ? stackalloc double[stackDepth] : new double[stackDepth];
        Span<double> gradP = stackDepth <= MaxStackAllocated ? stackalloc double[stackDepth] : new double[stackDepth];
        Span<double> gradZ = stackDepth <= MaxStackAllocated ? stackalloc double[stackDepth] : new double[stackDepth];
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

    /// <summary>t(y, p, z) without derivatives (about half the work).</summary>
    [SkipLocalsInit]
    public double Evaluate(double y, double p, double z = 0)
    {
        Span<double> value = stackDepth <= MaxStackAllocated ? stackalloc double[stackDepth] : new double[stackDepth];
        var top = -1;
        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            switch (arities[i])
            {
                case 0:
                    value[++top] = op switch
                    {
                        Op.Y => y,
                        Op.P => p,
                        Op.Z => z,
                        _ => constants[i],
                    };
                    break;
                case 1:
                    value[top] = OperatorMath.UnaryValue(op, value[top]);
                    break;
                default:
                    top--;
                    value[top] = OperatorMath.BinaryValue(op, value[top], value[top + 1]);
                    break;
            }
        }

        return value[0];
    }

    // A branch that does not depend on the variable contributes nothing, even where the
    // operator's derivative is infinite (autograd never visits such a branch either).
    private static double Chain(double inner, double outer) => inner == 0 ? 0 : inner * outer;
}
