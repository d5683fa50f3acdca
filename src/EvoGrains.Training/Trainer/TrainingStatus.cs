namespace EvoGrains.Training.Trainer;

public enum TrainingStatus
{
    Completed,

    /// <summary>The candidate broke the run: non-finite loss, exploding weights, or the loss threw.</summary>
    Failed,

    /// <summary>The early-stop rule fired: accuracy below the floor at the check step.</summary>
    EarlyStopped,
}
