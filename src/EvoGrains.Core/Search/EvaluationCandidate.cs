using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>One loss of a batch evaluation.</summary>
/// <param name="Loss">The candidate.</param>
public sealed record EvaluationCandidate(LossFunction Loss)
{
    /// <summary>
    /// Cancelled when nobody wants this candidate's result any more (its lease was lost); the others go on.
    /// </summary>
    public CancellationToken Withdrawn { get; init; }

    /// <summary>The result of a candidate that was withdrawn before it finished; callers discard it.</summary>
    public static EvaluationResult WithdrawnResult { get; } = EvaluationResult.Failed("withdrawn");
}
