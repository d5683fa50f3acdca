using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>
/// An individual's answer to a request: the stored outcome when it was already evaluated, whether another
/// island asked first (a deduplicated request), and while no outcome is known, the job the asking island
/// should enqueue (idempotent by job id, so every island may enqueue it).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.individual-reply")]
public sealed record IndividualReply(
    [property: Id(0)] EvaluationResult? Outcome,
    [property: Id(1)] bool Shared,
    [property: Id(2)] EvaluationJob? Job)
{
    /// <summary>
    /// The asking island received this outcome before, on an earlier ask (see <see cref="EvaluationRequest.Again"/>):
    /// it must not report it again.
    /// </summary>
    [Id(3)]
    public bool Repeat { get; init; }
}
