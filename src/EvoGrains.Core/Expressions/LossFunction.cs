using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A complete candidate loss: element-wise term t(y, p, z), its reduction over classes, the
/// label smoothing applied to y, and any <see cref="Normalized"/> terms added per sample. The batch is always averaged.
/// </summary>
public sealed record LossFunction(
    Expr Element,
    ClassReduction Reduction = ClassReduction.Sum,
    double LabelSmoothing = 0)
{
    private const string MeanSuffix = " [mean over classes]";
    private const string SmoothingPrefix = " [label smoothing ";
    private const string NormalizedPrefix = " [+ ";

    private Expr? canonical;
    private string? infix;
    private string? canonicalText;
    private ulong? hash;
    private OneHotHalves? oneHot;
    private ulong? fingerprint;
    private ulong? fingerprintSketch;

    // `with` must not carry the caches over to a loss with another element.
    private LossFunction(LossFunction original)
    {
        Element = original.Element;
        Reduction = original.Reduction;
        LabelSmoothing = original.LabelSmoothing;
        Normalized = original.Normalized;
    }

    /// <summary>
    /// Weighted terms added to the class reduction of <see cref="Element"/> that no element-wise term can write (their
    /// denominators sum over the classes): zoo baselines such as nce+rce. They take the hard label (no smoothing) and
    /// are not affected by <see cref="Reduction"/>. Empty for every evolved loss.
    /// </summary>
    public IReadOnlyList<NormalizedTerm> Normalized { get; init; } = [];

    /// <summary>The canonical element expression (computed once).</summary>
    public Expr Canonical => canonical ??= CanonicalForms.Of(Element).Tree;

    /// <summary>The identity of this loss: equal for every trivially-equal way of writing it.</summary>
    public ulong Hash => hash ??= StableHash.Of(CanonicalText);

    public string HashHex => StableHash.ToHex(Hash);

    /// <summary>
    /// What the loss is on one-hot labels: t(y, p) for the true class and for the others (computed once).
    /// </summary>
    public OneHotHalves OneHot => oneHot ??= new OneHotHalves(this);

    /// <summary>
    /// The identity of what this loss does in training: equal for losses whose one-hot halves give the same gradients
    /// (<see cref="OneHotFingerprint"/>). The search trains one loss per fingerprint.
    /// </summary>
    public ulong Fingerprint => fingerprint ??= OneHotFingerprint.Of(OneHot);

    public string FingerprintHex => StableHash.ToHex(Fingerprint);

    /// <summary>
    /// Part of <see cref="Fingerprint"/>, for ruling out a twin cheaply: equal fingerprints have equal sketches
    /// (<see cref="OneHotFingerprint.Sketch"/>).
    /// </summary>
    public ulong FingerprintSketch => fingerprintSketch ??= OneHotFingerprint.Sketch(OneHot);

    /// <summary>
    /// The element term as written (computed once: islands print every in-flight and reported loss on each write).
    /// </summary>
    public string Infix => infix ??= InfixPrinter.Print(Element);

    /// <summary>
    /// Canonical infix plus the normalised terms, reduction and smoothing when they differ from the defaults.
    /// </summary>
    public string CanonicalText => canonicalText ??= Describe(CanonicalForms.Of(Element).Text);

    public bool UsesLabel => Element.Uses(Op.Y) || LabelSmoothing > 0 || Normalized.Count > 0;

    /// <summary>Whether the loss depends on the prediction at all (p or z).</summary>
    public bool UsesPrediction => Element.Uses(Op.P) || Element.Uses(Op.Z) || Normalized.Count > 0;

    public bool Equals(LossFunction? other) =>
        other is not null && Element.Equals(other.Element) && Reduction == other.Reduction
        && LabelSmoothing.Equals(other.LabelSmoothing)
        && Normalized.SequenceEqual(other.Normalized);

    public override int GetHashCode() => HashCode.Combine(Element, Reduction, LabelSmoothing, Normalized.Count);

    /// <summary>
    /// The label the element term sees for one class of a sample with <paramref name="classes"/> classes: 1 for the
    /// true class and 0 for the others, smoothed to <c>(1-ε)·y + ε/C</c> when <see cref="LabelSmoothing"/> ε is
    /// set.
    /// </summary>
    public double Label(bool trueClass, int classes) => (trueClass ? 1 - LabelSmoothing : 0) + LabelSmoothing / classes;

    /// <summary>
    /// The weight of each class's term in a sample's loss: 1 for the sum over classes, 1/C for the mean.
    /// </summary>
    public double ClassWeight(int classes) => Reduction == ClassReduction.Mean ? 1.0 / classes : 1.0;

    /// <summary>The same loss with the opposite sign (element and normalised terms).</summary>
    public LossFunction Negated() =>
        this with
        {
            Element = -Element,
            Normalized = [.. Normalized.Select(term => term with { Weight = -term.Weight })],
        };

    public override string ToString() => Describe(Infix);

    public static LossFunction Parse(string text, ClassReduction reduction = ClassReduction.Sum) =>
        new(ExpressionParser.Parse(text), reduction);

    /// <summary>
    /// Reads back what <see cref="ToString"/> printed (history.csv's expression column): the infix and its suffixes.
    /// </summary>
    /// <exception cref="ExpressionParseException">The infix does not parse.</exception>
    /// <exception cref="FormatException">The normalised terms do not parse.</exception>
    public static LossFunction ParseDescription(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var smoothing = 0.0;
        var at = text.LastIndexOf(SmoothingPrefix, StringComparison.Ordinal);
        if (at >= 0
            && text.EndsWith(']')
            && double.TryParse(
                text.AsSpan(at + SmoothingPrefix.Length, text.Length - at - SmoothingPrefix.Length - 1),
                NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            smoothing = parsed;
            text = text[..at];
        }

        var mean = text.EndsWith(MeanSuffix, StringComparison.Ordinal);
        text = mean ? text[..^MeanSuffix.Length] : text;
        IReadOnlyList<NormalizedTerm> normalized = [];
        at = text.LastIndexOf(NormalizedPrefix, StringComparison.Ordinal);
        if (at >= 0 && text.EndsWith(']'))
        {
            normalized = NormalizedTerm.ParseList(text[(at + NormalizedPrefix.Length)..^1]);
            text = text[..at];
        }

        return new(ExpressionParser.Parse(text), mean ? ClassReduction.Mean : ClassReduction.Sum, smoothing)
        {
            Normalized = normalized,
        };
    }

    private string Describe(string infixText)
    {
        var text = infixText;
        if (Normalized.Count > 0)
        {
            text += NormalizedPrefix + NormalizedTerm.Format(Normalized) + "]";
        }

        if (Reduction != ClassReduction.Sum)
        {
            text += MeanSuffix;
        }

        if (LabelSmoothing > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"{SmoothingPrefix}{LabelSmoothing}]");
        }

        return text;
    }
}
