using System.Globalization;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Analysis;

/// <summary>
/// The zoo member whose gradient dL/dz on <see cref="KnownLossFinder"/>'s probes is closest in direction to a loss's,
/// with the positive scale that fits it best: the loss behaves like <see cref="Scale"/> x <see cref="Member"/>.
/// </summary>
/// <param name="Member">The zoo family at the parameter values found.</param>
/// <param name="Scale">The least-squares factor s of loss ≈ s x member over the probes' gradients (0 when they point
/// apart).</param>
/// <param name="Cosine">The cosine similarity of the two gradients over the probes, in [-1, 1].</param>
public sealed record NearestKnownLoss(ZooLoss Member, double Scale, double Cosine)
{
    /// <summary>The member with its parameters to 3 significant digits, e.g. "ls-ce(0.909)" or "mae".</summary>
    public string Name => Member.Family.Parameters.Count == 0
        ? Member.Family.Name
        : $"{Member.Family.Name}({string.Join(",", Member.Arguments.Select(Significant))})";

    /// <summary>The scale and the member, e.g. "11 x ls-ce(0.909)".</summary>
    public string ScaledName => $"{Significant(Scale)} x {Name}";

    /// <summary>One line, e.g. "behaves like 11 x ls-ce(0.909): gradient cosine 1.0000".</summary>
    public override string ToString() => Cosine > 0
        ? string.Create(CultureInfo.InvariantCulture, $"behaves like {ScaledName}: gradient cosine {Cosine:F4}")
        : string.Create(CultureInfo.InvariantCulture,
            $"behaves like no known loss: its gradient points away from every one "
            + $"(best: {Name}, gradient cosine {Cosine:F4})");

    // 3 significant digits, written as the shortest number that reads back as them ("11", "0.909", "1E-05").
    private static string Significant(double value) =>
        InfixPrinter.FormatConstant(
            double.Parse(value.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
