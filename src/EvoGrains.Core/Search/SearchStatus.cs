using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// A snapshot of a search. EvaluationsDone counts history entries; Deduplicated counts results shared between islands
/// plus proposals rejected as duplicates; TrainerUtilisation is busy trainer time over trainers x elapsed time.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.search-status")]
public sealed record SearchStatus
{
    [Id(0)] internal readonly string searchId = null!;

    public required string SearchId { get => searchId; init => searchId = value; }

    [Id(1)] internal readonly string name = null!;

    public required string Name { get => name; init => name = value; }

    [Id(2)] internal readonly SearchState state;

    public required SearchState State { get => state; init => state = value; }

    [Id(3)] internal readonly long evaluationsDone;

    public long EvaluationsDone { get => evaluationsDone; init => evaluationsDone = value; }

    [Id(4)] internal readonly int maxEvaluations;

    public int MaxEvaluations { get => maxEvaluations; init => maxEvaluations = value; }

    [Id(5)] internal readonly int inFlight;

    public int InFlight { get => inFlight; init => inFlight = value; }

    [Id(6)] internal readonly long rejectedByScreening;

    public long RejectedByScreening { get => rejectedByScreening; init => rejectedByScreening = value; }

    [Id(7)] internal readonly long deduplicated;

    public long Deduplicated { get => deduplicated; init => deduplicated = value; }

    [Id(8)] internal readonly long lateResults;

    public long LateResults { get => lateResults; init => lateResults = value; }

    [Id(9)] internal readonly double evaluationsPerMinute;

    public double EvaluationsPerMinute { get => evaluationsPerMinute; init => evaluationsPerMinute = value; }

    [Id(10)] internal readonly double bestFitness = double.NaN;

    public double BestFitness { get => bestFitness; init => bestFitness = value; }

    [Id(11)] internal readonly string? bestExpression;

    public string? BestExpression { get => bestExpression; init => bestExpression = value; }

    [Id(12)] internal readonly IReadOnlyList<IslandStatus> islands = [];

    public IReadOnlyList<IslandStatus> Islands { get => islands; init => islands = value; }

    [Id(13)] internal readonly int trainers;

    public int Trainers { get => trainers; init => trainers = value; }

    [Id(14)] internal readonly double trainerUtilisation;

    public double TrainerUtilisation { get => trainerUtilisation; init => trainerUtilisation = value; }

    [Id(15)] internal readonly int finalJobsDone;

    public int FinalJobsDone { get => finalJobsDone; init => finalJobsDone = value; }

    [Id(16)] internal readonly int finalJobsTotal;

    public int FinalJobsTotal { get => finalJobsTotal; init => finalJobsTotal = value; }

    [Id(17)] internal readonly DateTimeOffset? startedAt;

    public DateTimeOffset? StartedAt { get => startedAt; init => startedAt = value; }

    [Id(18)] internal readonly DateTimeOffset? endedAt;

    public DateTimeOffset? EndedAt { get => endedAt; init => endedAt = value; }

    [Id(19)] internal readonly string? failure;

    /// <summary>Why the search failed, when <see cref="State"/> is <see cref="SearchState.Failed"/>.</summary>
    public string? Failure { get => failure; init => failure = value; }

    [Id(20)] internal readonly long trainingSteps;

    /// <summary>
    /// Training steps the search's evaluations spent (steps times seeds), against <see cref="MaxTrainingSteps"/> (0: no
    /// limit).
    /// </summary>
    public long TrainingSteps { get => trainingSteps; init => trainingSteps = value; }

    [Id(21)] internal readonly long maxTrainingSteps;

    public long MaxTrainingSteps { get => maxTrainingSteps; init => maxTrainingSteps = value; }

    [Id(22)] internal readonly double maxMinutes;

    /// <summary>The search's time budget in minutes (0: no limit), counted from <see cref="StartedAt"/>.</summary>
    public double MaxMinutes { get => maxMinutes; init => maxMinutes = value; }

    [Id(23)] internal readonly DateTimeOffset? finalStageStartedAt;

    /// <summary>When the final stage began (null before).</summary>
    public DateTimeOffset? FinalStageStartedAt { get => finalStageStartedAt; init => finalStageStartedAt = value; }

    [Id(24)] internal readonly int cancelledTrainings;

    /// <summary>
    /// Search trainings still running when the searching ended (a budget was spent), cancelled then so the final stage
    /// had the trainers at once; their results never arrive, so they are in neither the history nor
    /// <see cref="LateResults"/>.
    /// </summary>
    public int CancelledTrainings { get => cancelledTrainings; init => cancelledTrainings = value; }

    /// <summary>
    /// When the final stage ends at its own pace so far: its trainings left times its time per training done. Null
    /// unless in the final stage with a training done (before the first there is no pace to go by).
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
