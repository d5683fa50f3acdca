using System.Text.Json.Serialization;

namespace EvoGrains.Core.Search;

/// <summary>
/// How a candidate's fitness is measured. Evaluator "training" trains a surrogate model with
/// TorchSharp; "synthetic" is the training-free stand-in for tests and benchmarks.
/// </summary>
public sealed record EvaluationSpec
{
    public string Evaluator { get; init; } = "training";

    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Folder of the dataset files; empty means the dataset's default location.</summary>
    public string DataPath { get; init; } = "";

    public string Model { get; init; } = "small-cnn";

    public int Steps { get; init; } = 200;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-3;

    public string Optimizer { get; init; } = "adam";

    public int WarmupSteps { get; init; } = 20;

    /// <summary>Training images drawn from the training split; 0 means all of it.</summary>
    public int TrainSubset { get; init; } = 10000;

    public int ValidationSize { get; init; } = 2000;

    /// <summary>NLFS early stop: after <see cref="EarlyStopStep"/> steps, stop if accuracy is below the floor (0 disables).</summary>
    public int EarlyStopStep { get; init; }

    public double EarlyStopAccuracy { get; init; }

    /// <summary>Simulated training time per evaluation for the synthetic evaluator, in milliseconds.</summary>
    public int SyntheticDelayMs { get; init; }

    /// <summary>
    /// Fitness is the test-split accuracy instead of validation. Never part of a spec file: only the final
    /// stage's test round sets it, per job, so the search itself can never select on the test set.
    /// </summary>
    [JsonIgnore]
    public bool MeasureOnTestSet { get; init; }
}
