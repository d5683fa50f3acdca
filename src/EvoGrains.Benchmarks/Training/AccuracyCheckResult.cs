namespace EvoGrains.Benchmarks.Training;

/// <summary>CE trained for 3 epochs on the whole training split: the test accuracy a correct trainer reaches.</summary>
public sealed record AccuracyCheckResult(int Steps, double TestAccuracy, double Minutes);
