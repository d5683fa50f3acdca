namespace EvoGrains.Core.Expressions;

/// <summary>
/// Double-precision values and derivatives of every operator, in the protected forms the
/// TorchSharp compiler reproduces exactly (so screening and training see the same function).
/// </summary>
public static class OperatorMath
{
    private const double Eps = OperatorCatalog.Epsilon;
    private const double Ln10 = 2.302585092994046;
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>Value of a unary operator and its derivative.</summary>
    public static double Unary(Op op, double x, out double dx)
    {
        switch (op)
        {
            case Op.Neg: dx = -1; return -x;
            case Op.Log: dx = Sign(x) / (Math.Abs(x) + Eps); return Math.Log(Math.Abs(x) + Eps);
            case Op.Log10: dx = Sign(x) / ((Math.Abs(x) + Eps) * Ln10); return Math.Log10(Math.Abs(x) + Eps);
            case Op.Exp: { var e = Math.Exp(x); dx = e; return e; }
            case Op.Abs: dx = Sign(x); return Math.Abs(x);
            case Op.Sigmoid: { var s = Sigmoid(x); dx = s * (1 - s); return s; }
            case Op.SoftRecip: { var d = 1 + Math.Abs(x); dx = -Sign(x) / (d * d); return 1 / d; }
            case Op.SoftPlus:
            {
                var e = Math.Exp(x);
                var u = 1 + e;
                dx = Sign(u) * e / (Math.Abs(u) + Eps);
                return Math.Log(Math.Abs(u) + Eps);
            }
            case Op.Erf: dx = TwoOverSqrtPi * Math.Exp(-x * x); return FastSpecialFunctions.Erf(x);
            case Op.Erfc: dx = -TwoOverSqrtPi * Math.Exp(-x * x); return FastSpecialFunctions.Erfc(x);
            case Op.Sin: dx = Math.Cos(x); return Math.Sin(x);
            case Op.Cos: dx = -Math.Sin(x); return Math.Cos(x);
            case Op.Sinh: dx = Math.Cosh(x); return Math.Sinh(x);
            case Op.Asinh: dx = 1 / Math.Sqrt(1 + x * x); return Math.Asinh(x);
            case Op.Tanh: { var t = Math.Tanh(x); dx = 1 - t * t; return t; }
            case Op.Atan: dx = 1 / (1 + x * x); return Math.Atan(x);
            case Op.Recip: { var d = x + Eps; dx = -1 / (d * d); return 1 / d; }
            case Op.I0: dx = BesselI1(x); return BesselI0(x);
            case Op.I0e: { var v = BesselI0e(x); dx = BesselI1e(x) - Sign(x) * v; return v; }
            case Op.I1: { var v = BesselI1(x); dx = x == 0 ? 0.5 : BesselI0(x) - v / x; return v; }
            case Op.I1e:
            {
                var v = BesselI1e(x);
                dx = x == 0 ? 0.5 : BesselI0e(x) - v * (Sign(x) + 1 / x);
                return v;
            }
            case Op.Max0: dx = x > 0 ? 1 : 0; return x > 0 ? x : 0;
            case Op.Min0: dx = x < 0 ? 1 : 0; return x < 0 ? x : 0;
            case Op.Square: dx = 2 * x; return x * x;
            case Op.SqrtAbs: { var r = Math.Sqrt(Math.Abs(x) + Eps); dx = Sign(x) * 0.5 / r; return r; }
            case Op.SoftSign: { var d = 1 + Math.Abs(x); dx = 1 / (d * d); return x / d; }
            case Op.Sech2: { var t = Math.Tanh(x); var s = 1 - t * t; dx = -2 * t * s; return s; }
            case Op.SigmoidDeriv: { var s = Sigmoid(x); var v = s * (1 - s); dx = v * (1 - 2 * s); return v; }
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

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static void Split(int comparison, out double first, out double second)
    {
        (first, second) = comparison switch
        {
            > 0 => (1.0, 0.0),
            < 0 => (0.0, 1.0),
            _ => (0.5, 0.5),
        };
    }

    private static double BesselI0(double x) => FastSpecialFunctions.I0(x);

    private static double BesselI1(double x) => FastSpecialFunctions.I1(x);

    private static double BesselI0e(double x) => FastSpecialFunctions.I0e(x);

    private static double BesselI1e(double x) => FastSpecialFunctions.I1e(x);

    // Math.Sign throws on NaN; a NaN input must flow through as NaN so screening can reject it.
    internal static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;
}
