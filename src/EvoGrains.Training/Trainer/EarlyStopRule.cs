namespace EvoGrains.Training.Trainer;

/// <summary>
/// NLFS protocol: after <paramref name="Step"/> steps, stop the run if accuracy is below
/// <paramref name="AccuracyFloor"/> (e.g. 800 steps / 0.35 training accuracy for screening).
/// </summary>
public sealed record EarlyStopRule(int Step, double AccuracyFloor, EarlyStopMetric Metric = EarlyStopMetric.Validation)
{
    /// <summary>How many steps before the check contribute to the training accuracy.</summary>
    public const int TrainingAccuracyWindow = 50;
}
