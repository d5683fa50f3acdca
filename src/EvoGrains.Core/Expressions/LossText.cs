using System.Text.Json.Serialization;
using EvoGrains.Core.Evolution;
using Orleans;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A loss as text: infix element term, class reduction, label smoothing and normalised terms (what
/// <see cref="LossFunction"/> holds); <see cref="Normalized"/> is null when there are none (every evolved loss).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.loss-text")]
public sealed record LossText(
    [Id(0)] string Infix,
    [Id(1)] string Reduction,
    [Id(2)] double LabelSmoothing,
    [Id(3)][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Normalized = null)
{
    public static LossText From(LossFunction loss) =>
        new(
            loss.Infix, GenomeCodec.ReductionName(loss.Reduction), loss.LabelSmoothing,
            loss.Normalized.Count > 0 ? NormalizedTerm.Format(loss.Normalized) : null);

    public LossFunction ToLoss() =>
        new(
            ExpressionParser.Parse(Infix),
            Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum,
            LabelSmoothing)
        {
            Normalized = string.IsNullOrEmpty(Normalized) ? [] : NormalizedTerm.ParseList(Normalized),
        };
}
