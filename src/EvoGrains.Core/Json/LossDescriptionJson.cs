using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Json;

/// <summary>
/// A loss's one-hot halves as `loss check --json` and the web API's hall-of-fame details give them: the labels (1 and
/// 0, or their label-smoothed values at 10 classes) and the element term with y set to each, simplified.
/// </summary>
public sealed record OneHotHalvesJson(double TrueLabel, double OtherLabel, string TrueClass, string OtherClass)
{
    public static OneHotHalvesJson Of(OneHotHalves halves)
    {
        ArgumentNullException.ThrowIfNull(halves);
        return new(
            halves.TrueLabel,
            halves.OtherLabel,
            InfixPrinter.Print(halves.TrueClass),
            InfixPrinter.Print(halves.OtherClass));
    }
}

/// <summary>
/// The zoo member a loss behaves like, as `loss check --json` and the web API give it: <c>name</c> with its parameters
/// to 3 significant digits, <c>scale</c> the fitted positive factor, <c>cosine</c> in [-1, 1].
/// </summary>
public sealed record NearestKnownLossJson(
    string Family,
    string Name,
    IReadOnlyList<double> Parameters,
    double Scale,
    double Cosine,
    string Description)
{
    /// <summary>Null when there is none (the loss's gradient on the probes is zero or not finite).</summary>
    public static NearestKnownLossJson? Of(NearestKnownLoss? nearest) => nearest is null
        ? null
        : new(
            nearest.Member.Family.Name,
            nearest.Name,
            nearest.Member.Arguments,
            nearest.Scale,
            nearest.Cosine,
            nearest.ToString());
}
