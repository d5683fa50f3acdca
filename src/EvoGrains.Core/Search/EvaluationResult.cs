namespace EvoGrains.Core.Search;

/// <summary>
/// The fitness of one candidate (higher is better) and how the run ended. A failed run (NaN loss,
/// exploding weights, a broken device) has fitness 0 and says why. <see cref="TrainerId"/> names who
/// measured it when the run went through the cluster's trainers. Over several seeds the fitness is the
/// mean and <see cref="Spread"/> the sample standard deviation.
/// </summary>
public sealed record EvaluationResult(
    double Fitness,
    EvaluationStatus Status,
    double Seconds,
    string? Failure = null,
    double TrainingLoss = double.NaN)
{
    public string TrainerId { get; init; } = "";

    /// <summary>
    /// The failure will not go away on retry (missing or corrupt data, an invalid loss); see
    /// <see cref="PermanentEvaluationException"/>.
    /// </summary>
    public bool Permanent { get; init; }

    /// <summary>Training seeds behind <see cref="Fitness"/>.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Sample standard deviation of the fitness over the seeds; NaN with one seed.</summary>
    public double Spread { get; init; } = double.NaN;

    public static EvaluationResult Failed(string reason, double seconds = 0) => new(0, EvaluationStatus.Failed, seconds, reason);

    /// <summary>
    /// One candidate's result over several seeds: the mean fitness, its spread and the summed time. A loss that
    /// fails on any seed fails (it is not robust), with the first failing seed's reason; one early stop makes
    /// the whole early-stopped.
    /// </summary>
    public static EvaluationResult OverSeeds(IReadOnlyList<EvaluationResult> perSeed)
    {
        ArgumentNullException.ThrowIfNull(perSeed);
        ArgumentOutOfRangeException.ThrowIfZero(perSeed.Count);
        if (perSeed.Count == 1)
        {
            return perSeed[0];
        }

        if (perSeed.Any(r => ReferenceEquals(r, EvaluationCandidate.WithdrawnResult)))
        {
            return EvaluationCandidate.WithdrawnResult;
        }

        var seconds = perSeed.Sum(r => r.Seconds);
        var failedIndex = perSeed.ToList().FindIndex(r => r.Status == EvaluationStatus.Failed);
        if (failedIndex >= 0)
        {
            var failed = perSeed[failedIndex];
            return Failed($"seed {failedIndex + 1} of {perSeed.Count}: {failed.Failure}", seconds) with
            {
                Permanent = failed.Permanent,
                Seeds = perSeed.Count,
            };
        }

        var summary = SampleSummary.Of(perSeed.Select(r => r.Fitness));
        var status = perSeed.Any(r => r.Status == EvaluationStatus.EarlyStopped) ? EvaluationStatus.EarlyStopped : EvaluationStatus.Completed;
        return new EvaluationResult(summary.Mean, status, seconds, null, perSeed.Average(r => r.TrainingLoss))
        {
            Seeds = perSeed.Count,
            Spread = summary.StandardDeviation,
        };
    }
}
