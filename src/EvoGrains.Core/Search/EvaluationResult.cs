using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// The fitness of one candidate (higher is better) and how the run ended. A failed run (NaN loss,
/// exploding weights, a broken device) has fitness 0 and says why. <see cref="TrainerId"/> names who
/// measured it when the run went through the cluster's trainers. Over several seeds the fitness is the
/// mean and <see cref="Spread"/> the sample standard deviation.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-result")]
public sealed record EvaluationResult(
    [Id(0)] double Fitness,
    [Id(1)] EvaluationStatus Status,
    [Id(2)] double Seconds,
    [Id(3)] string? Failure = null,
    [Id(4)] double TrainingLoss = double.NaN)
{
    [Id(5)] internal readonly string trainerId = "";

    public string TrainerId { get => trainerId; init => trainerId = value; }

    [Id(6)] internal readonly bool permanent;

    /// <summary>
    /// The failure will not go away on retry (missing or corrupt data, an invalid loss); see
    /// <see cref="PermanentEvaluationException"/>.
    /// </summary>
    public bool Permanent { get => permanent; init => permanent = value; }

    [Id(7)] internal readonly int seeds = 1;

    /// <summary>Training seeds behind <see cref="Fitness"/>.</summary>
    public int Seeds { get => seeds; init => seeds = value; }

    [Id(8)] internal readonly double spread = double.NaN;

    /// <summary>Sample standard deviation of the fitness over the seeds; NaN with one seed.</summary>
    public double Spread { get => spread; init => spread = value; }

    public static EvaluationResult Failed(string reason, double seconds = 0) =>
        new(0, EvaluationStatus.Failed, seconds, reason);

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
        var status = perSeed.Any(r => r.Status == EvaluationStatus.EarlyStopped)
            ? EvaluationStatus.EarlyStopped
            : EvaluationStatus.Completed;
        return new EvaluationResult(summary.Mean, status, seconds, null, perSeed.Average(r => r.TrainingLoss))
        {
            Seeds = perSeed.Count,
            Spread = summary.StandardDeviation,
        };
    }
}
