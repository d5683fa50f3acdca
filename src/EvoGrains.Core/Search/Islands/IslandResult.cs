using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// One absorbed evaluation waiting in the outbox until the search accepts it; <see cref="Steps"/> per seed at
/// <see cref="Rung"/>.
/// </summary>
public sealed record IslandResult(
    string Hash,
    string Expression,
    LossFunction Loss,
    StoredCandidate Candidate,
    EvaluationResult Result,
    bool Shared,
    DateTimeOffset CompletedAt)
{
    public int Rung { get; init; }

    public int Steps { get; init; }

    /// <summary>
    /// The island's number for this result (its n-th absorbed result is n); see <see cref="IslandRuntime.Reportable"/>.
    /// </summary>
    public long Sequence { get; init; }
}
