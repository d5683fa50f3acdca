using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;

namespace EvoGrains.Training.Trainer;

/// <summary>Everything that defines one surrogate training of one candidate loss.</summary>
public sealed record TrainingRequest
{
    /// <summary>Which data to train on.</summary>
    public required DatasetSpec Dataset { get; init; }

    /// <summary>A model of the registry (<see cref="ModelRegistry"/>): "small-cnn", "resnet9", "mlp",
    /// "torchscript".</summary>
    public string Model { get; init; } = ModelRegistry.SmallCnnName;

    /// <summary>Optimizer steps.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Images per step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate of the warm-up + cosine schedule.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>An optimizer of the registry (<see cref="OptimizerRegistry"/>): "adam", or "sgd" with
    /// <see cref="Momentum"/>.</summary>
    public string Optimizer { get; init; } = OptimizerRegistry.AdamName;

    /// <summary>Linear warm-up length.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Seeds parameter initialisation and batch order.</summary>
    public int Seed { get; init; }

    /// <summary>Images held out of the training set for fitness.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>Train on only this many images (fast surrogate runs); null for all.</summary>
    public int? TrainSubsetSize { get; init; }

    /// <summary>Optional NLFS-style early-stop rule.</summary>
    public EarlyStopRule? EarlyStop { get; init; }

    /// <summary>Caps libtorch's intra-op threads (process-wide); 0 leaves the setting alone.</summary>
    public int MaxThreads { get; init; }

    /// <summary>Also measure test accuracy; only for final reports.</summary>
    public bool EvaluateTest { get; init; }

    /// <summary>Seeds the train/validation split. Kept apart from <see cref="Seed"/> so that runs over several
    /// training seeds are scored on the same validation images.</summary>
    public int SplitSeed { get; init; }

    /// <summary>Symmetric noise on the training labels only (0 to <see cref="Data.LabelNoise.MaxRate"/>), seeded from
    /// <see cref="SplitSeed"/>; validation and test labels stay clean.</summary>
    public double LabelNoise { get; init; }

    /// <summary>
    /// Augmentation of the training batches (<see cref="AugmentRegistry"/>): "none" or "crop-flip", drawn from each
    /// member's seed.
    /// </summary>
    public string Augment { get; init; } = AugmentRegistry.None;

    /// <summary>The TorchScript file of a "torchscript" model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>
    /// A "torchscript" model starts from the file's weights instead of weights redrawn from the seed.
    /// </summary>
    public bool Pretrained { get; init; }

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; }

    /// <summary>Adam steps with libtorch's fused kernel (the default); false runs TorchSharp's element-wise Adam, the
    /// same update as trainers made before packing (the packing benchmark's baseline).</summary>
    public bool FusedOptimizer { get; init; } = true;

    public DevicePreference Device { get; init; } = DevicePreference.Auto;

    /// <summary>A parameter L2 norm above this counts as exploding weights.</summary>
    public double MaxParameterNorm { get; init; } = 1e6;

    /// <summary>Steps between parameter-norm checks (a full pass over the weights is not free).</summary>
    public int ParameterCheckInterval { get; init; } = 25;

    /// <summary>Steps between progress reports.</summary>
    public int ProgressInterval { get; init; } = 100;

    /// <summary>
    /// Steps between host read-backs of the losses and failure checks (also at progress reports, the early-stop
    /// check and the end). Between them a step never waits for the device, so a GPU stays busy.
    /// </summary>
    public int ReadbackInterval { get; init; } = 50;

    /// <summary>Images per forward pass when measuring accuracy.</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(Model);
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps, nameof(WarmupSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(ValidationSize, 1, nameof(ValidationSize));
        if (TrainSubsetSize is { } subset)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(subset, 1, nameof(TrainSubsetSize));
        }

        if (EarlyStop is { } rule)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rule.Step, 1, nameof(EarlyStop));
        }

        if (!(LabelNoise >= 0 && LabelNoise <= Data.LabelNoise.MaxRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(LabelNoise), LabelNoise, $"Must be between 0 and {Data.LabelNoise.MaxRate}.");
        }

        if (!AugmentRegistry.Names.Contains(Augment))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Augment), Augment, $"Must be one of {string.Join(", ", AugmentRegistry.Names)}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxThreads, nameof(MaxThreads));
        ArgumentOutOfRangeException.ThrowIfLessThan(ParameterCheckInterval, 1, nameof(ParameterCheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadbackInterval, 1, nameof(ReadbackInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(EvaluationBatchSize, 1, nameof(EvaluationBatchSize));
    }
}
