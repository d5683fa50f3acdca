namespace EvoGrains.Training.Trainer;

/// <summary>Outcome of one training run.</summary>
/// <param name="Status">Completed, Failed or EarlyStopped.</param>
/// <param name="FailureReason">Why the run failed or stopped early; null when completed.</param>
/// <param name="ValidationAccuracy">The fitness; 0 for failed runs, the accuracy at the check for early-stopped
/// ones.</param>
/// <param name="TestAccuracy">Only when the request asked for it and the run did not fail.</param>
/// <param name="FinalTrainingLoss">Mean candidate loss over the last steps (NaN if no step finished).</param>
/// <param name="StepsCompleted">Optimizer steps actually taken.</param>
/// <param name="StepsPerSecond">Over the training loop only (no data loading or evaluation).</param>
/// <param name="ImagesPerSecond">Training images per second over the training loop.</param>
/// <param name="WallTime">Everything: data set-up, training and evaluation.</param>
/// <param name="Device">Where it ran, e.g. "cpu" or "cuda".</param>
public sealed record TrainingResult(
    TrainingStatus Status,
    string? FailureReason,
    double ValidationAccuracy,
    double? TestAccuracy,
    double FinalTrainingLoss,
    int StepsCompleted,
    double StepsPerSecond,
    double ImagesPerSecond,
    TimeSpan WallTime,
    string Device)
{
    /// <summary>The training loss of every finished step, in order.</summary>
    public IReadOnlyList<double> LossCurve { get; init; } = [];
}
