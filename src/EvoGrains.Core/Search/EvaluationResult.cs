namespace EvoGrains.Core.Search;

/// <summary>
/// The fitness of one candidate (validation accuracy; higher is better) and how the run ended.
/// A failed run (NaN loss, exploding weights) has fitness 0 and says why.
/// </summary>
public sealed record EvaluationResult(double Fitness, EvaluationStatus Status, double Seconds, string? Failure = null, double TrainingLoss = double.NaN)
{
    public static EvaluationResult Failed(string reason, double seconds = 0) => new(0, EvaluationStatus.Failed, seconds, reason);
}
