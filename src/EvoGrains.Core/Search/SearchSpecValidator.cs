using System.Globalization;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Search;

/// <summary>
/// Range and consistency checks on a spec, so no spec can make the cluster allocate without
/// bound. Each error names the JSON field path and the reason.
/// </summary>
public static class SearchSpecValidator
{
    public static readonly IReadOnlyList<string> Spaces = ["cell", "tree"];

    public static IReadOnlyList<string> Validate(SearchSpec spec)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Name)
            || spec.Name.Length > 64 || spec.Name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add("name: must be 1..64 letters, digits, '-', '_' or '.'");
        }

        ValidateIslands(spec, errors);
        InRange(errors, "migration.every", spec.Migration.Every, 1, 1_000_000);
        InRange(errors, "migration.count", spec.Migration.Count, 0, spec.Islands.PopulationSize);
        OneOf(errors, "migration.topology", spec.Migration.Topology, ["ring", "random"]);
        InRange(errors, "budget.maxEvaluations", spec.Budget.MaxEvaluations, 1, 1_000_000);
        InRange(errors, "budget.maxMinutes", spec.Budget.MaxMinutes, 0, 60 * 24 * 30);
        InRange(errors, "budget.maxTrainingSteps", spec.Budget.MaxTrainingSteps, 0, 1e12);
        ValidateEvaluation(spec.Evaluation, errors);
        InRange(errors, "trainers.count", spec.Trainers.Count, 1, 256);
        InRange(errors, "trainers.threads", spec.Trainers.Threads, 1, 64);
        InRange(errors, "trainers.leaseSeconds", spec.Trainers.LeaseSeconds, 1, 3600);
        InRange(errors, "trainers.packSize", spec.Trainers.PackSize, 1, TrainerSpec.MaxPackSize);
        ValidateFinalStage(spec.FinalStage, errors);
        ValidateTransfer(spec, errors);
        return errors;
    }

    private static void ValidateIslands(SearchSpec spec, List<string> errors)
    {
        var islands = spec.Islands;
        InRange(errors, "islands.count", islands.Count, 1, 64);
        if (islands.Methods.Count == 0)
        {
            errors.Add("islands.methods: needs at least one method");
        }

        for (var i = 0; i < islands.Methods.Count; i++)
        {
            OneOf(errors, $"islands.methods[{i}]", islands.Methods[i], MethodRegistry.Names);
        }

        OneOf(errors, "islands.space", islands.Space, Spaces);
        OneOf(errors, "islands.operators", islands.Operators, ["full", "glo"]);
        OneOf(errors, "islands.reduction", islands.Reduction, ["sum", "mean"]);
        InRange(errors, "islands.maxDepth", islands.MaxDepth, 2, 10);
        InRange(errors, "islands.populationSize", islands.PopulationSize, 2, 1000);
        InRange(errors, "islands.tournamentSize", islands.TournamentSize, 1, 100);
        InRange(errors, "islands.seedEvaluations", islands.SeedEvaluations, 1, 100_000);
        InRange(errors, "islands.elites", islands.Elites, 0, Math.Max(0, islands.PopulationSize - 1));
        InRange(errors, "islands.inFlight", islands.InFlight, 1, 256);
        foreach (var method in MethodRegistry.All
            .Where(m => m.NeedsTreeSpace && islands.Space == "cell" && islands.Methods.Contains(m.Name)))
        {
            errors.Add(
                $"islands.methods: {method.Name} needs the tree space (islands.space = \"tree\"): "
                + "NLFS cells have no crossover");
        }

        var cmaEs = islands.CmaEs;
        InRange(errors, "islands.cmaEs.every", cmaEs.Every, 1, 1_000_000);
        InRange(errors, "islands.cmaEs.populationSize", cmaEs.PopulationSize, 2, 1000);
        InRange(errors, "islands.cmaEs.sigma", cmaEs.Sigma, 1e-6, 100);
        InRange(errors, "islands.cmaEs.generations", cmaEs.Generations, 1, 100_000);
        if (errors.Count == 0
            && islands.Count > 1 && spec.Migration.Count > 0
            && !Enumerable.Range(0, islands.Count).Any(i => Enumerable.Range(0, islands.Count).Any(j => i != j
                && StrategyFactory.CanExchange(islands, i, j))))
        {
            errors.Add(
                "migration.count: no island can take another's migrants (taylorglo islands exchange with none; "
                + "cell and tree islands cannot read each other's genomes); set it to 0 or add islands of a "
                + "matching method");
        }
    }

    private static void ValidateEvaluation(EvaluationSpec evaluation, List<string> errors)
    {
        OneOf(errors, "evaluation.evaluator", evaluation.Evaluator, EvaluatorRegistry.Names);
        ValidateDataset(evaluation, errors);
        ValidateModel(evaluation, errors);
        OneOf(errors, "evaluation.optimizer", evaluation.Optimizer, OptimizerRegistry.Names);
        InRange(errors, "evaluation.steps", evaluation.Steps, 1, 1_000_000);
        InRange(errors, "evaluation.batchSize", evaluation.BatchSize, 1, 4096);
        InRange(errors, "evaluation.learningRate", evaluation.LearningRate, 1e-7, 10);
        InRange(errors, "evaluation.warmupSteps", evaluation.WarmupSteps, 0, evaluation.Steps);
        InRange(errors, "evaluation.trainSubset", evaluation.TrainSubset, 0, 10_000_000);
        InRange(errors, "evaluation.validationSize", evaluation.ValidationSize, 1, 1_000_000);
        InRange(errors, "evaluation.earlyStopStep", evaluation.EarlyStopStep, 0, evaluation.Steps);
        InRange(errors, "evaluation.earlyStopAccuracy", evaluation.EarlyStopAccuracy, 0, 1);
        InRange(errors, "evaluation.syntheticDelayMs", evaluation.SyntheticDelayMs, 0, 600_000);
        InRange(errors, "evaluation.seeds", evaluation.Seeds, 1, 50);
        InRange(errors, "evaluation.labelNoise", evaluation.LabelNoise, 0, 0.8);
        OneOf(errors, "evaluation.augment", evaluation.Augment, AugmentRegistry.Names);
        ValidateRungs(evaluation, errors);
    }

    private static void ValidateDataset(EvaluationSpec evaluation, List<string> errors)
    {
        OneOf(errors, "evaluation.dataset", evaluation.Dataset, DatasetRegistry.Names);
        InRange(errors, "evaluation.imageSize", evaluation.ImageSize, 0, 1024);
        if (evaluation.Channels is not (0 or 1 or 3))
        {
            errors.Add($"evaluation.channels: must be 0 (from the images), 1 or 3 (got {evaluation.Channels})");
        }

        OneOf(errors, "evaluation.layout", evaluation.Layout, DatasetRegistry.Layouts);
        if (DatasetRegistry.Find(evaluation.Dataset) is not { } dataset)
        {
            return;
        }

        foreach (var field in DatasetRegistry.Options
            .Where(o => o.IsSet(evaluation) && !dataset.Options.Contains(o.Field))
            .Select(o => o.Field))
        {
            var readers = DatasetRegistry.All.Where(d => d.Options.Contains(field)).Select(d => d.Name);
            errors.Add(
                $"evaluation.{field}: the {dataset.Name} dataset does not read it (only {string.Join(", ", readers)})");
        }

        if (dataset.NeedsDataPath && string.IsNullOrWhiteSpace(evaluation.DataPath))
        {
            errors.Add($"evaluation.dataPath: the {dataset.Name} dataset needs it: {dataset.DataPath}");
        }
    }

    private static void ValidateModel(EvaluationSpec evaluation, List<string> errors)
    {
        OneOf(errors, "evaluation.model", evaluation.Model, ModelRegistry.Names);
        if (ModelRegistry.Find(evaluation.Model) is not { } model)
        {
            return;
        }

        var readers = string.Join(", ", ModelRegistry.All.Where(m => m.ReadsModelPath).Select(m => m.Name));
        if (model.ReadsModelPath && string.IsNullOrWhiteSpace(evaluation.ModelPath))
        {
            errors.Add($"evaluation.modelPath: the {model.Name} model needs it: the model file");
        }
        else if (!model.ReadsModelPath && evaluation.ModelPath.Length > 0)
        {
            errors.Add($"evaluation.modelPath: the {model.Name} model does not read it (only {readers})");
        }

        if (!model.ReadsModelPath && evaluation.Pretrained)
        {
            errors.Add($"evaluation.pretrained: the {model.Name} model does not read it (only {readers})");
        }
    }

    private static void OneOf(List<string> errors, string path, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }

    private static void ValidateRungs(EvaluationSpec evaluation, List<string> errors)
    {
        var rungs = evaluation.Rungs;
        InRange(errors, "evaluation.rungs", rungs.Count, 0, 8);
        for (var i = 0; i < rungs.Count; i++)
        {
            var path = $"evaluation.rungs[{i}]";
            var rung = rungs[i];
            InRange(errors, $"{path}.steps", rung.Steps, Math.Max(1, evaluation.WarmupSteps), 1_000_000);
            InRange(errors, $"{path}.seeds", rung.Seeds, 1, 50);
            if (i > 0 && rung.Cost <= rungs[i - 1].Cost)
            {
                errors.Add(
                    $"{path}: must cost more than rung {i - 1} (steps x seeds {rung.Cost} <= {rungs[i - 1].Cost})");
            }
        }

        InRange(errors, "evaluation.promote", evaluation.Promote, 0.01, 0.99);
    }

    private static void ValidateFinalStage(FinalStageSpec final, List<string> errors)
    {
        InRange(errors, "finalStage.topK", final.TopK, 0, 50);
        InRange(errors, "finalStage.steps", final.Steps, 1, 10_000_000);
        InRange(errors, "finalStage.seeds", final.Seeds, 1, 50);
        if (final.TestSeeds is { } testSeeds)
        {
            InRange(errors, "finalStage.testSeeds", testSeeds, 2, 100);
        }

        var rounds = final.Rounds;
        InRange(errors, "finalStage.rounds", rounds.Count, 0, 10);
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            var path = $"finalStage.rounds[{i}]";
            InRange(errors, $"{path}.keep", round.Keep, 1, i == 0 ? final.TopK : rounds[i - 1].Keep);
            InRange(errors, $"{path}.steps", round.Steps, 1, 10_000_000);
            InRange(errors, $"{path}.seeds", round.Seeds, 1, 50);
            if (round.TrainSubset is { } subset)
            {
                InRange(errors, $"{path}.trainSubset", subset, 0, 10_000_000);
            }
        }

        if (final.Tune is { } tune)
        {
            ValidateTuning(tune, errors);
        }

        for (var i = 0; i < final.Baselines.Count; i++)
        {
            var path = $"finalStage.baselines[{i}]";
            try
            {
                if (final.Baselines[i] is not { } name || LossZoo.Find(name) is null)
                {
                    errors.Add($"{path}: '{final.Baselines[i]}' is not a zoo loss ({LossZoo.Signatures})");
                }
            }
            catch (LossNameException bad)
            {
                errors.Add($"{path}: {bad.Message}");
            }
        }
    }

    private static void ValidateTransfer(SearchSpec spec, List<string> errors)
    {
        var transfer = spec.FinalStage.Transfer;
        InRange(errors, "finalStage.transfer", transfer.Count, 0, 10);
        var test = FinalStageTestEvaluation(spec);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < transfer.Count; i++)
        {
            var path = $"finalStage.transfer[{i}]";
            var setting = transfer[i];
            if (setting is null)
            {
                errors.Add(
                    $"{path}: must be an object of the settings that differ from the test table's (model, "
                    + "trainSubset, labelNoise, steps, batchSize, learningRate, augment)");
                continue;
            }

            var before = errors.Count;
            if (setting.Name is { } name
                && (name.Length is 0 or > 64
                    || name.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' or ','))))
            {
                errors.Add($"{path}.name: must be 1..64 letters, digits, spaces, '-', '_', '.' or ','");
            }

            if (setting.Model is { } model && !ModelRegistry.BuiltInNames.Contains(model))
            {
                errors.Add($"{path}.model: '{model}' is not one of {string.Join(", ", ModelRegistry.BuiltInNames)}");
            }

            Optional(errors, $"{path}.trainSubset", setting.TrainSubset, 0, 10_000_000);
            Optional(errors, $"{path}.labelNoise", setting.LabelNoise, 0, 0.8);
            Optional(errors, $"{path}.steps", setting.Steps, 1, 10_000_000);
            Optional(errors, $"{path}.batchSize", setting.BatchSize, 1, 4096);
            Optional(errors, $"{path}.learningRate", setting.LearningRate, 1e-7, 10);
            if (setting.Augment is { } augment)
            {
                OneOf(errors, $"{path}.augment", augment, AugmentRegistry.Names);
            }

            if (!setting.SetsAnything)
            {
                errors.Add(
                    $"{path}: sets nothing to train differently; give at least one of model, trainSubset, "
                    + "labelNoise, steps, batchSize, learningRate, augment");
            }
            else if (errors.Count == before && !labels.TryAdd(setting.Label(test), i))
            {
                errors.Add(
                    $"{path}: its name '{setting.Label(test)}' is also "
                    + $"finalStage.transfer[{labels[setting.Label(test)]}]'s; give each setting its own name");
            }
        }
    }

    // The final stage's test evaluation (FinalStage.TestEvaluation, which lives in Book and needs a valid spec to mean
    // anything).
    private static EvaluationSpec FinalStageTestEvaluation(SearchSpec spec) =>
        spec.Evaluation.ForFinalJob(spec.FinalStage.Steps, null, onTestSet: true);

    private static void Optional(List<string> errors, string path, double? value, double min, double max)
    {
        if (value is { } set)
        {
            InRange(errors, path, set, min, max);
        }
    }

    private static void ValidateTuning(IReadOnlyList<TunedFamilySpec> tune, List<string> errors)
    {
        InRange(errors, "finalStage.tune", tune.Count, 0, 10);
        var families = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tune.Count; i++)
        {
            var path = $"finalStage.tune[{i}]";
            if (tune[i]?.Family is not { } name || name.Contains('(', StringComparison.Ordinal)
                || LossZoo.Find(name) is not { } zoo)
            {
                errors.Add(
                    $"{path}.family: '{tune[i]?.Family}' is not the bare name of a zoo family "
                    + $"({string.Join(", ", LossZoo.Names)})");
                continue;
            }

            var family = zoo.Family;
            if (family.Parameters.Count == 0 || !families.Add(family.Name))
            {
                errors.Add(family.Parameters.Count == 0
                    ? $"{path}.family: {family.Name} has no parameter to tune"
                    : $"{path}.family: {family.Name} is tuned twice");
                continue;
            }

            var grid = tune[i].Grid ?? [];
            InRange(errors, $"{path}.grid", grid.Count, 1, 50);
            var points = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < grid.Count; j++)
            {
                try
                {
                    var point = family.Create(grid[j] ?? []);
                    if (!points.Add(point.Name))
                    {
                        errors.Add($"{path}.grid[{j}]: {point.Name} is listed twice");
                    }
                }
                catch (LossNameException bad)
                {
                    errors.Add($"{path}.grid[{j}]{(bad.Parameter is { } k ? $"[{k}]" : "")}: {bad.Message}");
                }
            }
        }
    }

    private static void InRange(List<string> errors, string path, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            errors.Add(
                string.Create(CultureInfo.InvariantCulture, $"{path}: must be between {min} and {max} (got {value})"));
        }
    }
}
