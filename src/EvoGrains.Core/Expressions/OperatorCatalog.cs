using System.Collections.Frozen;

namespace EvoGrains.Core.Expressions;

/// <summary>The one operator catalog both search spaces (NLFS cell and GP tree) draw from.</summary>
public static class OperatorCatalog
{
    /// <summary>Protection constant of log, reciprocal and division (Keras' epsilon, as NLFS used).</summary>
    public const double Epsilon = 1e-7;

    private static readonly OperatorInfo[] Infos =
    [
        new(Op.Y, "y", 0, false, "y", "y", "y"),
        new(Op.P, "p", 0, false, "p", "p", "p"),
        new(Op.Z, "z", 0, false, "z", "z", "z"),
        new(Op.Const, "const", 0, false, "", "", ""),

        new(Op.Neg, "neg", 1, false, "-{0}", "(-{0})", "(-{0})"),
        new(
            Op.Log, "log", 1, false, @"\log\left|{0}\right|",
            "torch.log(torch.abs({0}) + EPS)", "torch.log(torch.abs({0}) + EPS)"),
        new(
            Op.Log10, "log10", 1, false, @"\log_{10}\left|{0}\right|",
            "torch.log10(torch.abs({0}) + EPS)", "torch.log10(torch.abs({0}) + EPS)"),
        new(Op.Exp, "exp", 1, false, @"e^{{0}}", "torch.exp({0})", "torch.exp({0})"),
        new(Op.Abs, "abs", 1, false, @"\left|{0}\right|", "torch.abs({0})", "torch.abs({0})"),
        new(Op.Sigmoid, "sigmoid", 1, false, @"\sigma\left({0}\right)", "torch.sigmoid({0})", "torch.sigmoid({0})"),
        new(
            Op.SoftRecip, "softrecip", 1, false, @"\frac{1}{1+\left|{0}\right|}",
            "1 / (1 + torch.abs({0}))", "1 / (1 + torch.abs({0}))"),
        new(
            Op.SoftPlus, "softplus", 1, false, @"\log\left|1+e^{{0}}\right|",
            "torch.log(torch.abs(1 + torch.exp({0})) + EPS)", "torch.log(torch.abs(1 + torch.exp({0})) + EPS)"),
        new(Op.Erf, "erf", 1, false, @"\operatorname{erf}\left({0}\right)", "torch.erf({0})", "torch.erf({0})"),
        new(Op.Erfc, "erfc", 1, false, @"\operatorname{erfc}\left({0}\right)", "torch.erfc({0})", "torch.erfc({0})"),
        new(Op.Sin, "sin", 1, false, @"\sin\left({0}\right)", "torch.sin({0})", "torch.sin({0})"),
        new(Op.Sinh, "sinh", 1, false, @"\sinh\left({0}\right)", "torch.sinh({0})", "torch.sinh({0})"),
        new(
            Op.Asinh, "asinh", 1, false, @"\operatorname{asinh}\left({0}\right)",
            "torch.asinh({0})", "torch.asinh({0})"),
        new(Op.Tanh, "tanh", 1, false, @"\tanh\left({0}\right)", "torch.tanh({0})", "torch.tanh({0})"),
        new(Op.Atan, "atan", 1, false, @"\arctan\left({0}\right)", "torch.atan({0})", "torch.atan({0})"),
        new(Op.Recip, "recip", 1, false, @"\frac{1}{{0}}", "1 / ({0} + EPS)", "1 / ({0} + EPS)"),
        new(Op.I0, "i0", 1, false, @"I_0\left({0}\right)", "torch.special.i0({0})", "torch.special.i0({0})"),
        new(Op.I0e, "i0e", 1, false, @"I_0^{e}\left({0}\right)", "torch.special.i0e({0})", "torch.special.i0e({0})"),
        new(Op.I1, "i1", 1, false, @"I_1\left({0}\right)", "torch.special.i1({0})", "torch.special.i1({0})"),
        new(Op.I1e, "i1e", 1, false, @"I_1^{e}\left({0}\right)", "torch.special.i1e({0})", "torch.special.i1e({0})"),
        new(Op.Max0, "max0", 1, false, @"\max\left({0}, 0\right)", "torch.relu({0})", "torch.nn.functional.relu({0})"),
        new(
            Op.Min0, "min0", 1, false, @"\min\left({0}, 0\right)",
            "(-torch.relu(-({0})))", "(-torch.nn.functional.relu(-({0})))"),
        new(Op.Square, "sq", 1, false, @"\left({0}\right)^2", "torch.square({0})", "torch.square({0})"),
        new(
            Op.SqrtAbs, "sqrtabs", 1, false, @"\sqrt{\left|{0}\right|}",
            "torch.sqrt(torch.abs({0}) + EPS)", "torch.sqrt(torch.abs({0}) + EPS)"),
        new(
            Op.SoftSign, "softsign", 1, false, @"\frac{{0}}{1+\left|{0}\right|}",
            "({0}) / (1 + torch.abs({0}))", "({0}) / (1 + torch.abs({0}))"),
        new(
            Op.Sech2, "sech2", 1, false, @"\left(1-\tanh^2\left({0}\right)\right)",
            "(1 - torch.square(torch.tanh({0})))", "(1 - torch.square(torch.tanh({0})))"),
        new(
            Op.SigmoidDeriv, "dsigmoid", 1, false, @"\sigma'\left({0}\right)",
            "(torch.sigmoid({0}) * (1 - torch.sigmoid({0})))", "(torch.sigmoid({0}) * (1 - torch.sigmoid({0})))"),
        new(Op.Cos, "cos", 1, false, @"\cos\left({0}\right)", "torch.cos({0})", "torch.cos({0})"),

        new(Op.Add, "+", 2, true, "{0} + {1}", "({0} + {1})", "({0} + {1})"),
        new(Op.Sub, "-", 2, false, "{0} - {1}", "({0} - {1})", "({0} - {1})"),
        new(Op.Mul, "*", 2, true, @"{0} \cdot {1}", "({0} * {1})", "({0} * {1})"),
        new(Op.Max, "max", 2, true, @"\max\left({0}, {1}\right)", "torch.maximum({0}, {1})", "torch.maximum({0}, {1})"),
        new(Op.Min, "min", 2, true, @"\min\left({0}, {1}\right)", "torch.minimum({0}, {1})", "torch.minimum({0}, {1})"),
        new(Op.Div, "/", 2, false, @"\frac{{0}}{{1}}", "({0} / ({1} + EPS))", "({0} / ({1} + EPS))"),
        new(
            Op.Isru, "isru", 2, false, @"\frac{{0}}{\sqrt{1+\left({1}\right)^2}}",
            "({0} / torch.sqrt(1 + torch.square({1})))", "({0} / torch.sqrt(1 + torch.square({1})))"),
    ];

    private static readonly FrozenDictionary<string, Op> ByFunctionName = Infos
        .Where(i => i.Arity > 0 && char.IsLetter(i.Name[0]))
        .Select(i => KeyValuePair.Create(i.Name, i.Op))
        .Concat(
        [
            KeyValuePair.Create("ln", Op.Log),
            KeyValuePair.Create("sqrt", Op.SqrtAbs),
            KeyValuePair.Create("relu", Op.Max0),
        ])
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The 27 unary operators of NLFS (Morgan and Hougen 2024).</summary>
    public static readonly IReadOnlyList<Op> NlfsUnary =
    [
        Op.Neg, Op.Log, Op.Log10, Op.Exp, Op.Abs, Op.Sigmoid, Op.SoftRecip, Op.SoftPlus, Op.Erf, Op.Erfc,
        Op.Sin, Op.Sinh, Op.Asinh, Op.Tanh, Op.Atan, Op.Recip, Op.I0, Op.I0e, Op.I1, Op.I1e,
        Op.Max0, Op.Min0, Op.Square, Op.SqrtAbs, Op.SoftSign, Op.Sech2, Op.SigmoidDeriv,
    ];

    /// <summary>The 7 binary operators of NLFS.</summary>
    public static readonly IReadOnlyList<Op> NlfsBinary = [Op.Add, Op.Sub, Op.Mul, Op.Max, Op.Min, Op.Div, Op.Isru];

    /// <summary>GLO's tree operators (Gonzalez and Miikkulainen): + - * / log sqrt.</summary>
    public static readonly IReadOnlyList<Op> GloUnary = [Op.Log, Op.SqrtAbs];

    public static readonly IReadOnlyList<Op> GloBinary = [Op.Add, Op.Sub, Op.Mul, Op.Div];

    /// <summary>All unary operators, NLFS plus the trigonometric extra NGL needs.</summary>
    public static readonly IReadOnlyList<Op> AllUnary = [.. NlfsUnary, Op.Cos];

    public static readonly IReadOnlyList<Op> AllBinary = NlfsBinary;

    public static OperatorInfo Info(Op op) => Infos[(int)op];

    public static int Arity(Op op) => Infos[(int)op].Arity;

    public static bool IsLeaf(Op op) => op <= Op.Const;

    public static bool TryGetFunction(string name, out Op op) => ByFunctionName.TryGetValue(name, out op);

    /// <summary>Looks an operator up by its syntax name (e.g. "log", "+", "isru").</summary>
    public static bool TryParseName(string name, out Op op)
    {
        foreach (var info in Infos)
        {
            if (info.Name == name && info.Op != Op.Const)
            {
                op = info.Op;
                return true;
            }
        }

        return TryGetFunction(name, out op);
    }
}
