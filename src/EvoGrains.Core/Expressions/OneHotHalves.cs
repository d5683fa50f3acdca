namespace EvoGrains.Core.Expressions;

/// <summary>
/// What an element-wise loss is on one-hot labels: two functions of p, t(1, p) for the true class and t(0, p) for every
/// other class. A sample's loss is the true class's half plus the other classes' halves, so two losses with the same
/// halves train alike whatever their expressions say about other values of y. With label smoothing ε the labels are
/// the smoothed ones, <c>1 - ε + ε/C</c> and <c>ε/C</c>, taken at <see cref="Classes"/> classes. Normalised terms
/// (<see cref="LossFunction.Normalized"/>) are not element-wise and have no halves.
/// </summary>
public sealed class OneHotHalves
{
    /// <summary>
    /// The class count the halves assume where it matters (label smoothing, the mean over classes): the probes'.
    /// </summary>
    public const int Classes = 10;

    private readonly CompiledExpression element;
    private Expr? trueClass;
    private Expr? otherClass;

    internal OneHotHalves(LossFunction loss)
    {
        Loss = loss;
        element = CompiledExpression.Compile(loss.Element);
        TrueLabel = loss.Label(true, Classes);
        OtherLabel = loss.Label(false, Classes);
        Weight = loss.ClassWeight(Classes);
    }

    public LossFunction Loss { get; }

    /// <summary>y of the true class: 1, or 1 - ε + ε/C with label smoothing.</summary>
    public double TrueLabel { get; }

    /// <summary>y of every other class: 0, or ε/C with label smoothing.</summary>
    public double OtherLabel { get; }

    /// <summary>The weight of each class's term: 1 for the sum over classes, 1/C for the mean.</summary>
    public double Weight { get; }

    /// <summary>
    /// The element expression with y = <see cref="TrueLabel"/>, simplified (<see cref="Canonicalizer.Simplify"/>).
    /// </summary>
    public Expr TrueClass => trueClass ??= Half(TrueLabel);

    /// <summary>The element expression with y = <see cref="OtherLabel"/>, simplified.</summary>
    public Expr OtherClass => otherClass ??= Half(OtherLabel);

    /// <summary>The true class's half as text, e.g. "t(1, p) = -log(p)".</summary>
    public string TrueClassText => Text(TrueLabel, TrueClass);

    /// <summary>The other classes' half as text, e.g. "t(0, p) = 0".</summary>
    public string OtherClassText => Text(OtherLabel, OtherClass);

    /// <summary>
    /// One class's term t(y, p, z) at z = log p (the logits of a sample whose log-sum-exp is 0), with dt/dp and dt/dz,
    /// exactly as the interpreter computes it (without <see cref="Weight"/>).
    /// </summary>
    public double Evaluate(bool isTrueClass, double p, out double dp, out double dz) =>
        Evaluate(isTrueClass, p, Math.Log(p), out dp, out dz);

    /// <summary>The same with log p given, for callers that evaluate a fixed grid many times.</summary>
    public double Evaluate(bool isTrueClass, double p, double logP, out double dp, out double dz) =>
        element.Evaluate(isTrueClass ? TrueLabel : OtherLabel, p, logP, out dp, out dz);

    /// <summary>One class's share of a sample's loss: <see cref="Weight"/> x t(y, p, log p).</summary>
    public double Contribution(bool isTrueClass, double p) => Weight * Evaluate(isTrueClass, p, out _, out _);

    private static string Text(double label, Expr half) =>
        $"t({InfixPrinter.FormatConstant(label)}, p) = {InfixPrinter.Print(half)}";

    private Expr Half(double label) => Canonicalizer.Simplify(ExprWalk.Fold<Expr>(
        Loss.Element,
        (node, children) => node.Op switch
        {
            Op.Y => Expr.Const(label),
            _ when children.Length == 0 => node,
            _ => node.WithChildren([.. children]),
        }));
}
