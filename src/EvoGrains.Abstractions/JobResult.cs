using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>A trainer's outcome for one leased job.</summary>
[GenerateSerializer, Immutable, Alias("evograins.job-result")]
public sealed record JobResult(
    [property: Id(0)] string JobId,
    [property: Id(1)] EvaluationResult Outcome);
