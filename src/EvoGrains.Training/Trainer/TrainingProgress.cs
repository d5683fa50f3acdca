namespace EvoGrains.Training.Trainer;

/// <summary>A snapshot reported every <see cref="TrainingRequest.ProgressInterval"/> steps.</summary>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    double TrainingLoss,
    double LearningRate,
    TimeSpan Elapsed);
