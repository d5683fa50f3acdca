namespace EvoGrains.Training.Trainer;

public enum EarlyStopMetric
{
    /// <summary>Accuracy on the validation set.</summary>
    Validation,

    /// <summary>Accuracy on the training batches of the last steps before the check (NLFS screening).</summary>
    Training,
}
