namespace EvoGrains.Training.Trainer;

/// <summary>Outcome of one training run.</summary>
public sealed record TrainingResult
{
    /// <summary>Completed, Failed or EarlyStopped.</summary>
    public required TrainingStatus Status { get; init; }

    /// <summary>Why the run failed or stopped early; null when completed.</summary>
    public required string? FailureReason { get; init; }

    /// <summary>The fitness; 0 for failed runs, the accuracy at the check for early-stopped ones.</summary>
    public required double ValidationAccuracy { get; init; }

    /// <summary>Only when the request asked for it and the run did not fail.</summary>
    public required double? TestAccuracy { get; init; }

    /// <summary>Mean candidate loss over the last steps (NaN if no step finished).</summary>
    public required double FinalTrainingLoss { get; init; }

    /// <summary>Optimizer steps actually taken.</summary>
    public required int StepsCompleted { get; init; }

    /// <summary>Over the training loop only (no data loading or evaluation).</summary>
    public required double StepsPerSecond { get; init; }

    /// <summary>Training images per second over the training loop.</summary>
    public required double ImagesPerSecond { get; init; }

    /// <summary>Everything: data set-up, training and evaluation.</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>Where it ran, e.g. "cpu" or "cuda".</summary>
    public required string Device { get; init; }

    /// <summary>The training loss of every finished step, in order.</summary>
    public IReadOnlyList<double> LossCurve { get; init; } = [];
}
