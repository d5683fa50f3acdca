namespace EvoGrains.Core.Expressions;

/// <summary>
/// Double-precision values and derivatives of every operator, in the protected forms the
/// TorchSharp compiler reproduces exactly (so screening and training see the same function).
/// Values and derivatives are separate so that curves needing no gradient pay for none.
/// </summary>
public static class OperatorMath
{
    private const double Eps = OperatorCatalog.Epsilon;
    private const double Ln10 = 2.302585092994046;
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>Value of a unary operator and its derivative.</summary>
    public static double Unary(Op op, double x, out double dx)
    {
        var value = UnaryValue(op, x);
        dx = UnaryDerivative(op, x, value);
        return value;
    }

    public static double UnaryValue(Op op, double x) => op switch
    {
        Op.Neg => -x,
        Op.Log => Math.Log(Math.Abs(x) + Eps),
        Op.Log10 => Math.Log10(Math.Abs(x) + Eps),
        Op.Exp => Math.Exp(x),
        Op.Abs => Math.Abs(x),
        Op.Sigmoid => Sigmoid(x),
        Op.SoftRecip => 1 / (1 + Math.Abs(x)),
        Op.SoftPlus => Math.Log(Math.Abs(1 + Math.Exp(x)) + Eps),
        Op.Erf => FastSpecialFunctions.Erf(x),
        Op.Erfc => FastSpecialFunctions.Erfc(x),
        Op.Sin => Math.Sin(x),
        Op.Cos => Math.Cos(x),
        Op.Sinh => Math.Sinh(x),
        Op.Asinh => Math.Asinh(x),
        Op.Tanh => Math.Tanh(x),
        Op.Atan => Math.Atan(x),
        Op.Recip => 1 / (x + Eps),
        Op.I0 => FastSpecialFunctions.I0(x),
        Op.I0e => FastSpecialFunctions.I0e(x),
        Op.I1 => FastSpecialFunctions.I1(x),
        Op.I1e => FastSpecialFunctions.I1e(x),
        Op.Max0 => x > 0 || double.IsNaN(x) ? x : 0, // NaN stays NaN, as in torch.relu
        Op.Min0 => x < 0 || double.IsNaN(x) ? x : 0,
        Op.Square => x * x,
        Op.SqrtAbs => Math.Sqrt(Math.Abs(x) + Eps),
        Op.SoftSign => x / (1 + Math.Abs(x)),
        Op.Sech2 => Sech2(x),
        Op.SigmoidDeriv => SigmoidDerivative(Sigmoid(x)),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a unary operator"),
    };

    /// <summary>d op(x)/dx, given the operator's value at x (which many derivatives reuse).</summary>
    public static double UnaryDerivative(Op op, double x, double value)
    {
        switch (op)
        {
            case Op.Neg: return -1;
            case Op.Log: return Sign(x) / (Math.Abs(x) + Eps);
            case Op.Log10: return Sign(x) / ((Math.Abs(x) + Eps) * Ln10);
            case Op.Exp: return value;
            case Op.Abs: return Sign(x);
            case Op.Sigmoid: return SigmoidDerivative(value);
            case Op.SoftRecip: return -Sign(x) * value * value;
            case Op.SoftPlus:
            {
                var e = Math.Exp(x);
                var u = 1 + e;
                return Sign(u) * e / (Math.Abs(u) + Eps);
            }

            case Op.Erf: return TwoOverSqrtPi * Math.Exp(-x * x);
            case Op.Erfc: return -TwoOverSqrtPi * Math.Exp(-x * x);
            case Op.Sin: return Math.Cos(x);
            case Op.Cos: return -Math.Sin(x);
            case Op.Sinh: return Math.Cosh(x);
            case Op.Asinh: return 1 / Math.Sqrt(1 + x * x);
            case Op.Tanh: return 1 - value * value;
            case Op.Atan: return 1 / (1 + x * x);
            case Op.Recip: return -value * value;
            case Op.I0: return FastSpecialFunctions.I1(x);
            case Op.I0e: return FastSpecialFunctions.I1e(x) - Sign(x) * value;
            case Op.I1: return x == 0 ? 0.5 : FastSpecialFunctions.I0(x) - value / x;
            case Op.I1e: return x == 0 ? 0.5 : FastSpecialFunctions.I0e(x) - value * (Sign(x) + 1 / x);
            case Op.Max0: return x > 0 ? 1 : 0;
            case Op.Min0: return x < 0 ? 1 : 0;
            case Op.Square: return 2 * x;
            case Op.SqrtAbs: return Sign(x) * 0.5 / value;
            case Op.SoftSign:
            {
                var d = 1 + Math.Abs(x);
                return 1 / (d * d);
            }

            case Op.Sech2: return -2 * Math.Tanh(x) * value;
            case Op.SigmoidDeriv: return value * (1 - 2 * Sigmoid(x));
            default: throw new ArgumentOutOfRangeException(nameof(op), op, "not a unary operator");
        }
    }

    /// <summary>Value of a binary operator and its partial derivatives.</summary>
    public static double Binary(Op op, double a, double b, out double da, out double db)
    {
        switch (op)
        {
            case Op.Add: da = 1; db = 1; return a + b;
            case Op.Sub: da = 1; db = -1; return a - b;
            case Op.Mul: da = b; db = a; return a * b;
            // Ties split the gradient the way torch.maximum/minimum do.
            case Op.Max: Split(a.CompareTo(b), out da, out db); return Math.Max(a, b);
            case Op.Min: Split(b.CompareTo(a), out da, out db); return Math.Min(a, b);
            case Op.Div: { var d = b + Eps; da = 1 / d; db = -a / (d * d); return a / d; }
            case Op.Isru:
            {
                var q = 1 + b * b;
                var r = Math.Sqrt(q);
                da = 1 / r;
                db = -a * b / (q * r);
                return a / r;
            }

            default: throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator");
        }
    }

    public static double BinaryValue(Op op, double a, double b) => op switch
    {
        Op.Add => a + b,
        Op.Sub => a - b,
        Op.Mul => a * b,
        Op.Max => Math.Max(a, b),
        Op.Min => Math.Min(a, b),
        Op.Div => a / (b + Eps),
        Op.Isru => a / Math.Sqrt(1 + b * b),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator"),
    };

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    // Math.Sign throws on NaN; a NaN input must flow through as NaN so screening can reject it.
    internal static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;

    private static double SigmoidDerivative(double s) => s * (1 - s);

    private static double Sech2(double x)
    {
        var t = Math.Tanh(x);
        return 1 - t * t;
    }

    private static void Split(int comparison, out double first, out double second)
    {
        (first, second) = comparison switch
        {
            > 0 => (1.0, 0.0),
            < 0 => (0.0, 1.0),
            _ => (0.5, 0.5),
        };
    }
}
