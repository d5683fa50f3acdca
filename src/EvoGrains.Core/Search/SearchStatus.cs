namespace EvoGrains.Core.Search;

/// <summary>A snapshot of a search. EvaluationsDone counts history entries; Deduplicated counts results shared between islands plus proposals rejected as duplicates; TrainerUtilisation is busy trainer time over trainers x elapsed time.</summary>
public sealed record SearchStatus(
    string SearchId,
    string Name,
    SearchState State,
    long EvaluationsDone,
    int MaxEvaluations,
    int InFlight,
    long RejectedByScreening,
    long Deduplicated,
    long LateResults,
    double EvaluationsPerMinute,
    double BestFitness,
    string? BestExpression,
    IReadOnlyList<IslandStatus> Islands,
    int Trainers,
    double TrainerUtilisation,
    int FinalJobsDone,
    int FinalJobsTotal,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Why the search failed, when <see cref="State"/> is <see cref="SearchState.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>Training steps the search's evaluations spent (steps times seeds), against <see cref="MaxTrainingSteps"/> (0: no limit).</summary>
    public long TrainingSteps { get; init; }

    public long MaxTrainingSteps { get; init; }

    public bool IsTerminal => State is SearchState.Completed or SearchState.Cancelled or SearchState.Failed;

    /// <summary>
    /// Whether this snapshot tells something <paramref name="earlier"/> did not: another state, more evaluations
    /// done, another best fitness, or more final-stage trainings done. The rate, the ETA and the in-flight count drift
    /// from snapshot to snapshot without news, so they do not count.
    /// </summary>
    public bool ProgressedSince(SearchStatus earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return State != earlier.State
            || EvaluationsDone != earlier.EvaluationsDone
            || !BestFitness.Equals(earlier.BestFitness)
            || FinalJobsDone != earlier.FinalJobsDone;
    }
}
