namespace EvoGrains.Abstractions;

/// <summary>The stored outcome when the individual was already evaluated (null while pending), and whether another island asked first (a deduplicated request).</summary>
[GenerateSerializer, Immutable, Alias("evograins.individual-reply")]
public sealed record IndividualReply(
    [property: Id(0)] EvaluationOutcome? Outcome,
    [property: Id(1)] bool Shared);
