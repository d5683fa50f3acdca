namespace EvoGrains.Abstractions;

/// <summary>What a trainer needs to pull jobs: its search, the evaluation spec as JSON (SearchSpecJson options) and the lease length.</summary>
[GenerateSerializer, Immutable, Alias("evograins.trainer-assignment")]
public sealed record TrainerAssignment(
    [property: Id(0)] string SearchId,
    [property: Id(1)] string EvaluationSpecJson,
    [property: Id(2)] int LeaseSeconds);
