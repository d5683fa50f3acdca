namespace EvoGrains.Core.Search;

/// <summary>
/// The fitness of one candidate (higher is better) and how the run ended. A failed run (NaN loss,
/// exploding weights, a broken device) has fitness 0 and says why. <see cref="TrainerId"/> names who
/// measured it when the run went through the cluster's trainers.
/// </summary>
public sealed record EvaluationResult(double Fitness, EvaluationStatus Status, double Seconds, string? Failure = null, double TrainingLoss = double.NaN)
{
    public string TrainerId { get; init; } = "";

    /// <summary>The failure will not go away on retry (missing or corrupt data, an invalid loss); see <see cref="PermanentEvaluationException"/>.</summary>
    public bool Permanent { get; init; }

    public static EvaluationResult Failed(string reason, double seconds = 0) => new(0, EvaluationStatus.Failed, seconds, reason);
}
