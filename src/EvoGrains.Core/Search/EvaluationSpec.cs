using System.Text.Json.Serialization;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// How a candidate's fitness is measured. Evaluator "training" trains a surrogate model with
/// TorchSharp; "synthetic" is the training-free stand-in for tests and benchmarks.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-spec")]
public sealed record EvaluationSpec
{
    [Id(0)] internal readonly string evaluator = Registries.EvaluatorRegistry.TrainingName;

    public string Evaluator { get => evaluator; init => evaluator = value; }

    [Id(1)] internal readonly string dataset = "fashion-mnist";

    public string Dataset { get => dataset; init => dataset = value; }

    [Id(2)] internal readonly string dataPath = "";

    /// <summary>Folder of the dataset files; empty means the dataset's default location.</summary>
    public string DataPath { get => dataPath; init => dataPath = value; }

    [Id(3)] internal readonly int imageSize;

    /// <summary>
    /// Folder datasets: images are resized to this many pixels square; 0 keeps the files' size (all alike).
    /// </summary>
    public int ImageSize { get => imageSize; init => imageSize = value; }

    [Id(4)] internal readonly int channels;

    /// <summary>Folder datasets: 1 (grey) or 3 (RGB); 0 takes 1 when every image is grey, else 3.</summary>
    public int Channels { get => channels; init => channels = value; }

    [Id(5)] internal readonly string layout = "nhwc";

    /// <summary>
    /// .npz datasets: how the image arrays are ordered, "nhwc" (NumPy's and Keras's habit) or "nchw".
    /// </summary>
    public string Layout { get => layout; init => layout = value; }

    [Id(6)] internal readonly string model = "small-cnn";

    public string Model { get => model; init => model = value; }

    [Id(7)] internal readonly string modelPath = "";

    /// <summary>The TorchScript file of a "torchscript" model.</summary>
    public string ModelPath { get => modelPath; init => modelPath = value; }

    [Id(8)] internal readonly bool pretrained;

    /// <summary>
    /// "torchscript" models: train from the file's weights (fine-tuning) instead of weights redrawn from the seed.
    /// </summary>
    public bool Pretrained { get => pretrained; init => pretrained = value; }

    [Id(9)] internal readonly int steps = 200;

    public int Steps { get => steps; init => steps = value; }

    [Id(10)] internal readonly int batchSize = 64;

    public int BatchSize { get => batchSize; init => batchSize = value; }

    [Id(11)] internal readonly double learningRate = 1e-3;

    public double LearningRate { get => learningRate; init => learningRate = value; }

    [Id(12)] internal readonly string optimizer = Registries.OptimizerRegistry.AdamName;

    public string Optimizer { get => optimizer; init => optimizer = value; }

    [Id(13)] internal readonly int warmupSteps = 20;

    public int WarmupSteps { get => warmupSteps; init => warmupSteps = value; }

    [Id(14)] internal readonly int trainSubset = 10000;

    /// <summary>Training images drawn from the training split; 0 means all of it.</summary>
    public int TrainSubset { get => trainSubset; init => trainSubset = value; }

    [Id(15)] internal readonly int validationSize = 2000;

    public int ValidationSize { get => validationSize; init => validationSize = value; }

    [Id(16)] internal readonly int earlyStopStep;

    /// <summary>
    /// NLFS early stop: after <see cref="EarlyStopStep"/> steps, stop if accuracy is below the floor (0 disables).
    /// </summary>
    public int EarlyStopStep { get => earlyStopStep; init => earlyStopStep = value; }

    [Id(17)] internal readonly double earlyStopAccuracy;

    public double EarlyStopAccuracy { get => earlyStopAccuracy; init => earlyStopAccuracy = value; }

    [Id(18)] internal readonly int seeds = 1;

    /// <summary>
    /// Seeds per evaluation when there are no <see cref="Rungs"/>: the fitness is the mean validation accuracy over
    /// them, the same seeds for every candidate (common random numbers).
    /// </summary>
    public int Seeds { get => seeds; init => seeds = value; }

    [Id(19)] internal readonly IReadOnlyList<RungSpec> rungs = [];

    /// <summary>
    /// Successive-halving fidelities, lowest first; empty: one rung of <see cref="Steps"/> and <see cref="Seeds"/>.
    /// </summary>
    public IReadOnlyList<RungSpec> Rungs { get => rungs; init => rungs = value; }

    [Id(20)] internal readonly double promote = 1.0 / 3;

    /// <summary>The fraction of a rung's results promoted to the next rung (ASHA's 1/eta).</summary>
    public double Promote { get => promote; init => promote = value; }

    [Id(21)] internal readonly double labelNoise;

    /// <summary>
    /// Symmetric label noise on the training split only (0-0.8): this fraction of labels is replaced by another class,
    /// seeded.
    /// </summary>
    public double LabelNoise { get => labelNoise; init => labelNoise = value; }

    [Id(22)] internal readonly string augment = Registries.AugmentRegistry.None;

    /// <summary>
    /// Augmentation of the training batches (<see cref="Registries.AugmentRegistry"/>): "none", or "crop-flip" (a
    /// random crop of the image zero-padded by 4 pixels and a horizontal flip with probability 1/2, per example, drawn
    /// from the training seed; every member of a pack sees the same augmented batch). Validation and test images are
    /// never augmented.
    /// </summary>
    public string Augment { get => augment; init => augment = value; }

    [Id(23)] internal readonly int syntheticDelayMs;

    /// <summary>Simulated training time per evaluation for the synthetic evaluator, in milliseconds.</summary>
    public int SyntheticDelayMs { get => syntheticDelayMs; init => syntheticDelayMs = value; }

    [Id(24)] internal readonly bool measureOnTestSet;

    /// <summary>
    /// Fitness is the test-split accuracy instead of validation. Never part of a spec file: only the final
    /// stage's test round sets it, per job, so the search itself can never select on the test set.
    /// </summary>
    [JsonIgnore]
    public bool MeasureOnTestSet { get => measureOnTestSet; init => measureOnTestSet = value; }

    /// <summary>
    /// The rungs the search runs: <see cref="Rungs"/>, or one rung of <see cref="Steps"/> and <see cref="Seeds"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<RungSpec> EffectiveRungs =>
        Rungs is { Count: > 0 } ? Rungs : [new RungSpec { Steps = Steps, Seeds = Seeds }];

    /// <summary>This evaluation at rung <paramref name="rung"/>: its steps and seeds.</summary>
    public EvaluationSpec AtRung(int rung)
    {
        var at = EffectiveRungs[rung];
        return this with { Steps = at.Steps, Seeds = at.Seeds, Rungs = [] };
    }

    /// <summary>
    /// This evaluation as a final-stage job trains it: its own steps and images, one seed, on the test set or not, and
    /// for a transfer job the setting's overrides (<see cref="TransferSpec.Apply"/>). The one rule for trainers, reruns
    /// and packs.
    /// </summary>
    public EvaluationSpec ForFinalJob(int steps, int? trainSubset, bool onTestSet, TransferSpec? transfer = null)
    {
        var job = this with
        {
            Steps = steps,
            Seeds = 1,
            Rungs = [],
            TrainSubset = trainSubset ?? TrainSubset,
            MeasureOnTestSet = onTestSet,
        };
        return transfer is null ? job : transfer.Apply(job);
    }

    /// <summary>
    /// Value equality over every field, the rungs element by element: specs arrive from the wire with a new list each
    /// time, and trainers key their evaluators by the spec.
    /// </summary>
    public bool Equals(EvaluationSpec? other) =>
        other is not null
        && (ReferenceEquals(this, other) || (Scalars() == other.Scalars() && Rungs.SequenceEqual(other.Rungs)));

    public override int GetHashCode() => HashCode.Combine(Scalars(), Rungs.Count);

    /// <summary>
    /// The training seeds of one evaluation: <see cref="Seeds"/> consecutive seeds from <paramref name="baseSeed"/>,
    /// so every candidate of a search trains on the same ones (the final stage's seeds start 1000 higher).
    /// </summary>
    public IReadOnlyList<int> TrainingSeeds(int baseSeed) =>
        Enumerable.Range(0, Math.Max(1, Seeds)).Select(i => baseSeed + i).ToList();

    private (
        string, string, string, string, string, (int, int, double, int, int, int),
        (int, double, int, double, double, int, bool), (int, int, string, string, bool, string)) Scalars() =>
        (Evaluator, Dataset, DataPath, Model, Optimizer,
        (Steps, BatchSize, LearningRate, WarmupSteps, TrainSubset, ValidationSize),
        (EarlyStopStep, EarlyStopAccuracy, Seeds, Promote, LabelNoise, SyntheticDelayMs, MeasureOnTestSet),
        (ImageSize, Channels, Layout, ModelPath, Pretrained, Augment));
}
