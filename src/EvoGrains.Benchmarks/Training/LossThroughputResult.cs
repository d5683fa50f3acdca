using EvoGrains.Training.Trainer;

namespace EvoGrains.Benchmarks.Training;

/// <summary>Training throughput with one candidate loss; a failed run's rates cover only the steps it took.</summary>
public sealed record LossThroughputResult(
    string Loss,
    TrainingStatus Status,
    double ImagesPerSecond,
    double StepsPerSecond);
