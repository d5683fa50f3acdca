using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Expressions;

/// <summary>A loss as text: infix element term, class reduction and label smoothing (what <see cref="LossFunction"/> holds).</summary>
public sealed record LossText(string Infix, string Reduction, double LabelSmoothing)
{
    public static LossText From(LossFunction loss) =>
        new(InfixPrinter.Print(loss.Element), GenomeCodec.ReductionName(loss.Reduction), loss.LabelSmoothing);

    public LossFunction ToLoss() =>
        new(ExpressionParser.Parse(Infix), Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum, LabelSmoothing);
}
