using System.Globalization;
using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// The identity of what a loss does in training, taken on the one-hot domain (AutoML-Zero's functional-equivalence
/// idea): the derivatives of its two <see cref="OneHotHalves"/> on a fixed grid of p, quantised to 5 significant digits
/// and hashed, with the reduction, the label smoothing and any normalised terms. Training sees a loss only through
/// dL/dz = Σ_c t'(y_c, p_c)·p_c(δ_cj - p_j) (+ dt/dz_j), so the fingerprint keeps exactly what that sum can tell
/// apart: a constant added to a half, or a·p added to both halves (Σ_c p_c = 1), changes no gradient and no
/// fingerprint. It stores, at every grid point, the difference of the two halves' p-derivatives and the step of the
/// other-class derivative to the next point (together: both derivatives up to one common constant), and both
/// z-derivatives.
/// </summary>
/// <remarks>
/// Two losses that agree on one-hot labels are one loss, however they differ at other values of y: `abs(y)` and
/// `abs(1)` are the same for the true class. With label smoothing the halves are taken at the smoothed labels of
/// <see cref="OneHotHalves.Classes"/> classes and the smoothing is part of the key, so only losses with the same
/// smoothing can be one. Where an expression reads the logits z, they are taken as log p.
/// </remarks>
public static class OneHotFingerprint
{
    /// <summary>
    /// Grid points: p = sigmoid(u) for u = -12, -11.75, ..., 12 (p from 6e-6 to 1 - 6e-6, dense near 0 and 1).
    /// </summary>
    public const int Points = 97;

    /// <summary>The grid points a <see cref="Sketch"/> takes: 0, 12, ..., 96.</summary>
    public const int SketchStride = 12;

    private const double Negligible = 1e-12;

    private static readonly double[] Grid =
        [.. Enumerable.Range(0, Points).Select(i => 1 / (1 + Math.Exp(12 - (0.25 * i))))];

    private static readonly double[] LogGrid = [.. Grid.Select(p => Math.Log(p))];

    // Islands fingerprint thousands of candidates a second; one builder per thread keeps that free of garbage.
    [ThreadStatic]
    private static StringBuilder? scratch;

    /// <summary>The grid's probabilities.</summary>
    public static IReadOnlyList<double> P => Grid;

    public static ulong Of(OneHotHalves halves) => Hash(halves, stride: 1);

    /// <summary>
    /// A hash of part of the fingerprint's text: its numbers at every <see cref="SketchStride"/>th grid point. Equal
    /// fingerprints have equal sketches, so a sketch no known loss has rules out a twin for a fifth of the cost.
    /// </summary>
    public static ulong Sketch(OneHotHalves halves) => Hash(halves, SketchStride);

    private static ulong Hash(OneHotHalves halves, int stride)
    {
        ArgumentNullException.ThrowIfNull(halves);
        var loss = halves.Loss;
        var text = scratch ??= new StringBuilder(Points * 4 * 12);
        text.Clear();
        text.Append(loss.Reduction == ClassReduction.Mean ? "mean" : "sum")
            .Append(";ls=").Append(loss.LabelSmoothing.ToString("R", CultureInfo.InvariantCulture))
            .Append(";+").Append(NormalizedTerm.Format(loss.Normalized)).Append(';');
        var previousOther = 0.0;
        for (var i = 0; i < Points; i += stride)
        {
            halves.Evaluate(true, Grid[i], LogGrid[i], out var truePrime, out var trueZ);
            halves.Evaluate(false, Grid[i], LogGrid[i], out var otherPrime, out var otherZ);
            if (stride > 1 && i > 0)
            {
                halves.Evaluate(false, Grid[i - 1], LogGrid[i - 1], out previousOther, out _);
            }

            Append(text, truePrime - otherPrime);
            Append(text, i == 0 ? 0 : otherPrime - previousOther);
            Append(text, trueZ);
            Append(text, otherZ);
            previousOther = otherPrime;
        }

        return StableHash.Of(text);
    }

    private static void Append(StringBuilder text, double value)
    {
        if (Math.Abs(value) < Negligible)
        {
            text.Append("0;");
            return;
        }

        Span<char> digits = stackalloc char[ScientificE4.MaxLength];
        text.Append(digits[..ScientificE4.Format(value, digits)]).Append(';');
    }
}
