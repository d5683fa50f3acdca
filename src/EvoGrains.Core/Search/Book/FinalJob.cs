namespace EvoGrains.Core.Search.Book;

/// <summary>
/// One final-stage training: which loss, how long, which seed and images, whether it is measured on the test set, and
/// for a transfer job its setting (<see cref="EvaluationSpec.ForFinalJob"/> makes the job's evaluation from all of
/// them).
/// </summary>
public sealed record FinalJob(
    string JobId,
    ComparisonArm Arm,
    int Steps,
    int Seed,
    int? TrainSubset,
    bool OnTestSet,
    TransferSpec? Transfer = null);
