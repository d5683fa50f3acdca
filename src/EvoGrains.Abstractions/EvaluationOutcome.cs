using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>What a trainer measured for one job (fitness: higher is better; failed runs have fitness 0 and say why).</summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-outcome")]
public sealed record EvaluationOutcome(
    [property: Id(0)] double Fitness,
    [property: Id(1)] OutcomeStatus Status,
    [property: Id(2)] double Seconds,
    [property: Id(3)] string? Failure,
    [property: Id(4)] string TrainerId)
{
    public static EvaluationOutcome From(EvaluationResult result, string trainerId) =>
        new(result.Fitness, (OutcomeStatus)result.Status, result.Seconds, result.Failure, trainerId);

    public static EvaluationOutcome Failed(string reason, string trainerId) => new(0, OutcomeStatus.Failed, 0, reason, trainerId);
}
