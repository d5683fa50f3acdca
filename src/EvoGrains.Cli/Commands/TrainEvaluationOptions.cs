using System.CommandLine;
using System.Globalization;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// The training settings of `evograins train`: a spec's evaluation (`--spec`), or a spec's defaults without one, with
/// each option given on the command line taking its place. The options follow the spec's rules (one rule for both).
/// </summary>
public sealed class TrainEvaluationOptions
{
    private static readonly EvaluationSpec Defaults = new();

    public Option<string?> Spec { get; } = new("--spec")
    {
        Description =
            "Take the settings from this search spec's evaluation (the last rung's steps when it has rungs, its "
            + "early stop and label noise) and the threads a `local` run's trainers get; the options given here "
            + "still win.",
    };

    public Option<string> Dataset { get; } = new Option<string>("--dataset")
    {
        Description = Default($"The dataset: {DatasetRegistry.Help}", "dataset", Defaults.Dataset),
    }.AcceptOnlyFromAmong([.. DatasetRegistry.Names]);

    public Option<string?> DataPath { get; } = new("--data-path")
    {
        Description =
            "Folder with the dataset files (default: the spec's dataPath, else the dataset's standard location).",
    };

    public Option<string> Model { get; } = new Option<string>("--model")
    {
        Description = Default($"The model: {ModelRegistry.BuiltInHelp}", "model", Defaults.Model),
    }.AcceptOnlyFromAmong([.. ModelRegistry.BuiltInNames]);

    public Option<int> Steps { get; } = new Option<int>("--steps")
    {
        Description = Default("Optimizer steps per run", "steps", Defaults.Steps),
    }.FollowsSpec("evaluation.steps", v => new() { Steps = v, WarmupSteps = 0 });

    public Option<int> BatchSize { get; } = new Option<int>("--batch-size")
    {
        Description = Default("Images per step", "batchSize", Defaults.BatchSize),
    }.FollowsSpec("evaluation.batchSize", v => new() { BatchSize = v });

    public Option<double> LearningRate { get; } = new Option<double>("--lr")
    {
        Description = Default("Peak learning rate (warm-up + cosine)", "learningRate", Defaults.LearningRate),
    }.FollowsSpec("evaluation.learningRate", v => new() { LearningRate = v });

    public Option<string> Optimizer { get; } = new Option<string>("--optimizer")
    {
        Description = Default($"The optimizer: {OptimizerRegistry.Help}", "optimizer", Defaults.Optimizer),
    }.AcceptOnlyFromAmong([.. OptimizerRegistry.Names]);

    public Option<int> Warmup { get; } = new Option<int>("--warmup")
    {
        Description = Default("Linear warm-up steps, at most --steps", "warmupSteps", Defaults.WarmupSteps),
    }.FollowsSpec("evaluation.warmupSteps", v => new() { WarmupSteps = v, Steps = 1_000_000 });

    public Option<int> TrainSubset { get; } = new Option<int>("--train-subset")
    {
        Description = Default(
            "Train on this many images (0: the whole training split)", "trainSubset", Defaults.TrainSubset),
    }.FollowsSpec("evaluation.trainSubset", v => new() { TrainSubset = v });

    public Option<int> ValidationSize { get; } = new Option<int>("--validation-size")
    {
        Description = Default(
            "Validation images held out of the training split", "validationSize", Defaults.ValidationSize),
    }.FollowsSpec("evaluation.validationSize", v => new() { ValidationSize = v });

    public Option<double> LabelNoise { get; } = new Option<double>("--label-noise")
    {
        Description = Default(
            "Replace this fraction of training labels by another class (seeded; validation and test stay clean)",
            "labelNoise",
            Defaults.LabelNoise),
    }.FollowsSpec("evaluation.labelNoise", v => new() { LabelNoise = v });

    public Option<string> Augment { get; } = new Option<string>("--augment")
    {
        Description = Default(
            $"Augmentation of the training batches: {AugmentRegistry.Help}", "augment", Defaults.Augment),
    }.AcceptOnlyFromAmong([.. AugmentRegistry.Names]);

    public Option<int> Threads { get; } = new Option<int>("--threads")
    {
        Description =
            "libtorch threads (default: what a `local` run's trainer gets, the cores over the spec's "
            + "trainers.count; without --spec all cores).",
    }.InRange(1, 256);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            Spec, Dataset, DataPath, Model, Steps, BatchSize, LearningRate, Optimizer, Warmup, TrainSubset,
            ValidationSize, LabelNoise, Augment, Threads,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The evaluation to train and the libtorch threads; a spec that does not load, or options that contradict it,
    /// are input errors naming the file.
    /// </summary>
    public (EvaluationSpec Evaluation, int Threads) Read(ParseResult parse)
    {
        var specFile = parse.GetValue(Spec);
        var spec = specFile is null
            ? new SearchSpec()
            : TrainableSpec.Require(SearchSpecJson.Load(specFile), specFile, "train");
        var basis = spec.Evaluation.AtRung(spec.Evaluation.EffectiveRungs.Count - 1);
        T Given<T>(Option<T> option, T fallback) =>
            parse.GetResult(option) is null ? fallback : parse.GetValue(option)!;
        var steps = Given(Steps, basis.Steps);
        var evaluation = basis with
        {
            Dataset = Given(Dataset, basis.Dataset),
            DataPath = Given(DataPath, basis.DataPath) ?? "",
            Model = Given(Model, basis.Model),
            Steps = steps,
            BatchSize = Given(BatchSize, basis.BatchSize),
            LearningRate = Given(LearningRate, basis.LearningRate),
            Optimizer = Given(Optimizer, basis.Optimizer),
            // A short run without --warmup warms up for all of it rather than failing.
            WarmupSteps = Given(Warmup, Math.Min(basis.WarmupSteps, steps)),
            TrainSubset = Given(TrainSubset, basis.TrainSubset),
            ValidationSize = Given(ValidationSize, basis.ValidationSize),
            LabelNoise = Given(LabelNoise, basis.LabelNoise),
            Augment = Given(Augment, basis.Augment),
        };

        // Each option passed its own check; together, or with the spec, they may not (--warmup over --steps, the spec's
        // early stop after --steps).
        if (SearchSpecValidator.Validate(spec with { Evaluation = evaluation }).FirstOrDefault() is { } error)
        {
            throw new InputException(specFile is null
                ? $"the options given disagree: {error}"
                : $"{specFile} with the options given: {error}");
        }

        return (evaluation, Given(Threads, EmbeddedSilo.TrainingThreads(spec)));
    }

    private static string Default<T>(string what, string field, T value) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} (default: the spec's evaluation.{field}, else {value}).");
}
