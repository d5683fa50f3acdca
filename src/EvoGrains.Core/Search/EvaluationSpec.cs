using System.Text.Json.Serialization;

namespace EvoGrains.Core.Search;

/// <summary>
/// How a candidate's fitness is measured. Evaluator "training" trains a surrogate model with
/// TorchSharp; "synthetic" is the training-free stand-in for tests and benchmarks.
/// </summary>
public sealed record EvaluationSpec
{
    public string Evaluator { get; init; } = Registries.EvaluatorRegistry.TrainingName;

    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Folder of the dataset files; empty means the dataset's default location.</summary>
    public string DataPath { get; init; } = "";

    /// <summary>Folder datasets: images are resized to this many pixels square; 0 keeps the files' size (all alike).</summary>
    public int ImageSize { get; init; }

    /// <summary>Folder datasets: 1 (grey) or 3 (RGB); 0 takes 1 when every image is grey, else 3.</summary>
    public int Channels { get; init; }

    /// <summary>.npz datasets: how the image arrays are ordered, "nhwc" (NumPy's and Keras's habit) or "nchw".</summary>
    public string Layout { get; init; } = "nhwc";

    public string Model { get; init; } = "small-cnn";

    /// <summary>The TorchScript file of a "torchscript" model.</summary>
    public string ModelPath { get; init; } = "";

    /// <summary>"torchscript" models: train from the file's weights (fine-tuning) instead of weights redrawn from the seed.</summary>
    public bool Pretrained { get; init; }

    public int Steps { get; init; } = 200;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-3;

    public string Optimizer { get; init; } = Registries.OptimizerRegistry.AdamName;

    public int WarmupSteps { get; init; } = 20;

    /// <summary>Training images drawn from the training split; 0 means all of it.</summary>
    public int TrainSubset { get; init; } = 10000;

    public int ValidationSize { get; init; } = 2000;

    /// <summary>NLFS early stop: after <see cref="EarlyStopStep"/> steps, stop if accuracy is below the floor (0 disables).</summary>
    public int EarlyStopStep { get; init; }

    public double EarlyStopAccuracy { get; init; }

    /// <summary>
    /// Seeds per evaluation when there are no <see cref="Rungs"/>: the fitness is the mean validation accuracy over
    /// them, the same seeds for every candidate (common random numbers).
    /// </summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Successive-halving fidelities, lowest first; empty: one rung of <see cref="Steps"/> and <see cref="Seeds"/>.</summary>
    public IReadOnlyList<RungSpec> Rungs { get; init; } = [];

    /// <summary>The fraction of a rung's results promoted to the next rung (ASHA's 1/eta).</summary>
    public double Promote { get; init; } = 1.0 / 3;

    /// <summary>Symmetric label noise on the training split only (0-0.8): this fraction of labels is replaced by another class, seeded.</summary>
    public double LabelNoise { get; init; }

    /// <summary>
    /// Augmentation of the training batches (<see cref="Registries.AugmentRegistry"/>): "none", or "crop-flip" (a random crop of
    /// the image zero-padded by 4 pixels and a horizontal flip with probability 1/2, per example, drawn from the training seed;
    /// every member of a pack sees the same augmented batch). Validation and test images are never augmented.
    /// </summary>
    public string Augment { get; init; } = Registries.AugmentRegistry.None;

    /// <summary>Simulated training time per evaluation for the synthetic evaluator, in milliseconds.</summary>
    public int SyntheticDelayMs { get; init; }

    /// <summary>
    /// Fitness is the test-split accuracy instead of validation. Never part of a spec file: only the final
    /// stage's test round sets it, per job, so the search itself can never select on the test set.
    /// </summary>
    [JsonIgnore]
    public bool MeasureOnTestSet { get; init; }

    /// <summary>The rungs the search runs: <see cref="Rungs"/>, or one rung of <see cref="Steps"/> and <see cref="Seeds"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<RungSpec> EffectiveRungs => Rungs is { Count: > 0 } ? Rungs : [new RungSpec { Steps = Steps, Seeds = Seeds }];

    /// <summary>This evaluation at rung <paramref name="rung"/>: its steps and seeds.</summary>
    public EvaluationSpec AtRung(int rung)
    {
        var at = EffectiveRungs[rung];
        return this with { Steps = at.Steps, Seeds = at.Seeds, Rungs = [] };
    }

    /// <summary>
    /// This evaluation as a final-stage job trains it: its own steps and images, one seed, on the test set or not, and for a
    /// transfer job the setting's overrides (<see cref="TransferSpec.Apply"/>). The one rule for trainers, reruns and packs.
    /// </summary>
    public EvaluationSpec ForFinalJob(int steps, int? trainSubset, bool onTestSet, TransferSpec? transfer = null)
    {
        var job = this with { Steps = steps, Seeds = 1, Rungs = [], TrainSubset = trainSubset ?? TrainSubset, MeasureOnTestSet = onTestSet };
        return transfer is null ? job : transfer.Apply(job);
    }

    /// <summary>
    /// Value equality over every field, the rungs element by element: specs arrive as JSON with a new list each
    /// time, and trainers key their evaluators by the spec.
    /// </summary>
    public bool Equals(EvaluationSpec? other) =>
        other is not null && (ReferenceEquals(this, other) || (Scalars() == other.Scalars() && Rungs.SequenceEqual(other.Rungs)));

    public override int GetHashCode() => HashCode.Combine(Scalars(), Rungs.Count);

    /// <summary>
    /// The training seeds of one evaluation: <see cref="Seeds"/> consecutive seeds from <paramref name="baseSeed"/>,
    /// so every candidate of a search trains on the same ones (the final stage's seeds start 1000 higher).
    /// </summary>
    public IReadOnlyList<int> TrainingSeeds(int baseSeed) => Enumerable.Range(0, Math.Max(1, Seeds)).Select(i => baseSeed + i).ToList();

    private (
        string, string, string, string, string, (int, int, double, int, int, int),
        (int, double, int, double, double, int, bool), (int, int, string, string, bool, string)) Scalars() =>
        (Evaluator, Dataset, DataPath, Model, Optimizer,
        (Steps, BatchSize, LearningRate, WarmupSteps, TrainSubset, ValidationSize),
        (EarlyStopStep, EarlyStopAccuracy, Seeds, Promote, LabelNoise, SyntheticDelayMs, MeasureOnTestSet),
        (ImageSize, Channels, Layout, ModelPath, Pretrained, Augment));
}
