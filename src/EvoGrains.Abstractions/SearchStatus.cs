namespace EvoGrains.Abstractions;

/// <summary>A snapshot of a search. EvaluationsDone counts history entries; Deduplicated counts results shared between islands plus proposals rejected as duplicates; TrainerUtilisation is busy trainer time over trainers x elapsed time.</summary>
[GenerateSerializer, Immutable, Alias("evograins.search-status")]
public sealed record SearchStatus(
    [property: Id(0)] string SearchId,
    [property: Id(1)] string Name,
    [property: Id(2)] SearchState State,
    [property: Id(3)] long EvaluationsDone,
    [property: Id(4)] int MaxEvaluations,
    [property: Id(5)] int InFlight,
    [property: Id(6)] long RejectedByScreening,
    [property: Id(7)] long Deduplicated,
    [property: Id(8)] long LateResults,
    [property: Id(9)] double EvaluationsPerMinute,
    [property: Id(10)] double BestFitness,
    [property: Id(11)] string? BestExpression,
    [property: Id(12)] IReadOnlyList<IslandStatus> Islands,
    [property: Id(13)] int Trainers,
    [property: Id(14)] double TrainerUtilisation,
    [property: Id(15)] int FinalJobsDone,
    [property: Id(16)] int FinalJobsTotal,
    [property: Id(17)] DateTimeOffset? StartedAt,
    [property: Id(18)] DateTimeOffset? EndedAt)
{
    public bool IsTerminal => State is SearchState.Completed or SearchState.Cancelled;
}
