namespace EvoGrains.Core.Search.Book;

/// <summary>One final-stage training: which loss, how long, which seed and images, and whether it is measured on the test set.</summary>
public sealed record FinalJob(string JobId, ComparisonArm Arm, int Steps, int Seed, int? TrainSubset, bool OnTestSet);
