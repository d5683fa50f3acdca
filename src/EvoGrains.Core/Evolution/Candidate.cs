using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>A screened genome ready to evaluate, with how it was made.</summary>
public sealed record Candidate(Genome Genome, ScreeningVerdict Verdict, string Operator, IReadOnlyList<string> Parents)
{
    /// <summary>The loss to train: the screened (possibly flipped) loss.</summary>
    public LossFunction Loss => Verdict.Loss;
}
