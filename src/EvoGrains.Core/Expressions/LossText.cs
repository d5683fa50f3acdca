using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A loss as text: infix element term, class reduction, label smoothing and normalised terms (what <see cref="LossFunction"/>
/// holds); <see cref="Normalized"/> is null when there are none (every evolved loss).
/// </summary>
public sealed record LossText(
    string Infix,
    string Reduction,
    double LabelSmoothing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Normalized = null)
{
    public static LossText From(LossFunction loss) =>
        new(InfixPrinter.Print(loss.Element), GenomeCodec.ReductionName(loss.Reduction), loss.LabelSmoothing, loss.Normalized.Count > 0 ? NormalizedTerm.Format(loss.Normalized) : null);

    public LossFunction ToLoss() =>
        new(ExpressionParser.Parse(Infix), Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum, LabelSmoothing)
        {
            Normalized = string.IsNullOrEmpty(Normalized) ? [] : NormalizedTerm.ParseList(Normalized),
        };
}
