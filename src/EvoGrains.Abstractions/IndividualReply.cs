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
    [property: Id(2)] EvaluationJob? Job);
