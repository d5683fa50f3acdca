using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>A loss with real parameters, for CMA-ES: how to build it and where to start.</summary>
public sealed record LossFamily(
    string Name,
    Func<IReadOnlyList<double>, LossFunction> Build,
    IReadOnlyList<double> Initial)
{
    /// <summary>TaylorGLO: 8 parameters (c0, c1, a2..a7) of the third-order Taylor loss, started at zero.</summary>
    public static LossFamily TaylorGlo { get; } =
        new("taylorglo", TaylorGloLoss.FromParameters, new double[TaylorGloLoss.ParameterCount]);

    /// <summary>
    /// GLO's second stage: one multiplicative coefficient per node of a fixed structure (all 1 at the
    /// start, which reproduces the structure exactly).
    /// </summary>
    public static LossFamily PerNodeCoefficients(LossFunction structure)
    {
        var size = structure.Element.Size;
        return new LossFamily(
            $"coefficients of {structure}",
            weights => structure with { Element = Weighted(structure.Element, weights, 0).Expr },
            Enumerable.Repeat(1.0, size).ToArray());
    }

    private static (Expr Expr, int Next) Weighted(Expr node, IReadOnlyList<double> weights, int index)
    {
        var next = index + 1;
        var children = new List<Expr>(node.Children.Length);
        foreach (var child in node.Children)
        {
            var (weighted, after) = Weighted(child, weights, next);
            children.Add(weighted);
            next = after;
        }

        var rebuilt = node.Children.Length == 0 ? node : node.WithChildren([.. children]);
        var weight = weights[index];
        var result = rebuilt.IsConstant
            ? Expr.Const(weight * rebuilt.Value)
            : weight == 1 ? rebuilt : Expr.Const(weight) * rebuilt;
        return (result, next);
    }
}
