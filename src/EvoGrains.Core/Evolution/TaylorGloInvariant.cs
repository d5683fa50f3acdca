using System.Globalization;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// TaylorGLO's analytic screening (cognizant-ai-labs/TaylorGLO): with the expansion coefficients
/// k1, kh, khh, khy, ky, kyy of the polynomial the trainer minimises and n classes, a vector is
/// rejected (no training) when ky + kyy + khy/n &lt; (n - 2)(k1 + kh/n + khh/n²). No monotonicity
/// check: the public code has it commented out.
/// </summary>
/// <remarks>
/// The minimised polynomial is the loss -t (see <see cref="Expressions.TaylorGloLoss"/>), so its
/// coefficients are -a2..-a7. Read so, the published MNIST loss passes (-140.4 against -15,360 for
/// ten classes) and its mirror image +t, which pushes the true class down, is rejected; read on t,
/// the published loss itself would be rejected.
/// </remarks>
public static class TaylorGloInvariant
{
    /// <summary>
    /// Why the vector (c0, c1, a2..a7) is rejected for <paramref name="classes"/> classes, or null when it passes.
    /// </summary>
    public static string? Violation(IReadOnlyList<double> parameters, int classes)
    {
        var (c0, c1) = (parameters[0], parameters[1]);
        var (a2, a3, a4, a5, a6, a7) =
            (-parameters[2], -parameters[3], -parameters[4], -parameters[5], -parameters[6], -parameters[7]);
        var k1 = (-2 * c1 * a3) + (2 * c0 * c1 * a6) + a2 - (a5 * c0) + (a7 * c0 * c0) + (3 * a4 * c1 * c1);
        var kh = (2 * a3) - (2 * a6 * c0) - (6 * a4 * c1);
        var khh = 3 * a4;
        var khy = 2 * a6;
        var ky = (-2 * c1 * a6) + a5 - (2 * a7 * c0);
        var kyy = a7;
        double n = classes;
        var left = ky + kyy + (khy / n);
        var right = (n - 2) * (k1 + (kh / n) + (khh / (n * n)));
        if (!double.IsFinite(left) || !double.IsFinite(right))
        {
            return "taylorglo invariant: a coefficient is not finite";
        }

        return left < right
            ? string.Create(CultureInfo.InvariantCulture,
                $"taylorglo invariant: ky + kyy + khy/n = {left:G4} < (n - 2)(k1 + kh/n + khh/n^2) = {right:G4} "
                + $"for n = {classes}")
            : null;
    }
}
