using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Abstractions;

/// <summary>A loss on the wire: infix element term, class reduction and label smoothing (what <see cref="LossFunction"/> holds).</summary>
[GenerateSerializer, Immutable, Alias("evograins.loss-text")]
public sealed record LossText(
    [property: Id(0)] string Infix,
    [property: Id(1)] string Reduction,
    [property: Id(2)] double LabelSmoothing)
{
    public static LossText From(LossFunction loss) =>
        new(InfixPrinter.Print(loss.Element), GenomeCodec.ReductionName(loss.Reduction), loss.LabelSmoothing);

    public LossFunction ToLoss() =>
        new(ExpressionParser.Parse(Infix), Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum, LabelSmoothing);
}
