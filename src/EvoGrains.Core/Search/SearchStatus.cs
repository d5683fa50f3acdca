namespace EvoGrains.Core.Search;

/// <summary>
/// A snapshot of a search. EvaluationsDone counts history entries; Deduplicated counts results shared between islands
/// plus proposals rejected as duplicates; TrainerUtilisation is busy trainer time over trainers x elapsed time.
/// </summary>
public sealed record SearchStatus
{
    public required string SearchId { get; init; }

    public required string Name { get; init; }

    public required SearchState State { get; init; }

    public long EvaluationsDone { get; init; }

    public int MaxEvaluations { get; init; }

    public int InFlight { get; init; }

    public long RejectedByScreening { get; init; }

    public long Deduplicated { get; init; }

    public long LateResults { get; init; }

    public double EvaluationsPerMinute { get; init; }

    public double BestFitness { get; init; } = double.NaN;

    public string? BestExpression { get; init; }

    public IReadOnlyList<IslandStatus> Islands { get; init; } = [];

    public int Trainers { get; init; }

    public double TrainerUtilisation { get; init; }

    public int FinalJobsDone { get; init; }

    public int FinalJobsTotal { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why the search failed, when <see cref="State"/> is <see cref="SearchState.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>Training steps the search's evaluations spent (steps times seeds), against <see cref="MaxTrainingSteps"/> (0: no limit).</summary>
    public long TrainingSteps { get; init; }

    public long MaxTrainingSteps { get; init; }

    /// <summary>The search's time budget in minutes (0: no limit), counted from <see cref="StartedAt"/>.</summary>
    public double MaxMinutes { get; init; }

    /// <summary>When the final stage began (null before).</summary>
    public DateTimeOffset? FinalStageStartedAt { get; init; }

    /// <summary>
    /// Search trainings still running when the searching ended (a budget was spent), cancelled then so the final stage
    /// had the trainers at once; their results never arrive, so they are in neither the history nor <see cref="LateResults"/>.
    /// </summary>
    public int CancelledTrainings { get; init; }

    /// <summary>
    /// When the final stage ends at its own pace so far: its trainings left times its time per training done. Null unless
    /// in the final stage with a training done (before the first there is no pace to go by).
    /// </summary>
    public TimeSpan? FinalStageTimeLeft(DateTimeOffset now) =>
        State == SearchState.FinalStage && FinalStageStartedAt is { } started && FinalJobsDone > 0
            ? (now - started) / FinalJobsDone * Math.Max(0, FinalJobsTotal - FinalJobsDone)
            : null;

    /// <summary>
    /// When the searching ends at the pace so far: the earliest of every budget (evaluations, training steps, minutes).
    /// Null unless the search is Running: the final stage's progress is its own (<see cref="FinalJobsDone"/>), and the
    /// searching's rate says nothing about it.
    /// </summary>
    public TimeSpan? SearchTimeLeft(DateTimeOffset now)
    {
        if (State != SearchState.Running)
        {
            return null;
        }

        var candidates = new List<double>();
        if (EvaluationsPerMinute > 0)
        {
            candidates.Add(Math.Max(0, MaxEvaluations - EvaluationsDone) / EvaluationsPerMinute);
            if (MaxTrainingSteps > 0 && TrainingSteps > 0 && EvaluationsDone > 0)
            {
                var stepsPerMinute = TrainingSteps * EvaluationsPerMinute / EvaluationsDone;
                candidates.Add(Math.Max(0, MaxTrainingSteps - TrainingSteps) / stepsPerMinute);
            }
        }

        if (MaxMinutes > 0 && StartedAt is { } started)
        {
            candidates.Add(Math.Max(0, MaxMinutes - (now - started).TotalMinutes));
        }

        return candidates.Count == 0 ? null : TimeSpan.FromMinutes(candidates.Min());
    }

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
