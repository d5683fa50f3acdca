using System.CommandLine;
using System.Globalization;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins train`: train with given losses and CE under one budget and seeds, and compare.</summary>
public static class TrainCommand
{
    public static Command Build(CliConsole console)
    {
        var losses = new Option<string[]>("--loss") { Description = $"A zoo name ({LossZoo.Signatures}; e.g. \"sce(0.1,1)\", bare: the published defaults, see `loss zoo`) or an expression; repeat for several. CE is always added.", Required = true };
        var dataset = new Option<string>("--dataset") { Description = $"The dataset: {DatasetRegistry.Help}.", DefaultValueFactory = _ => "fashion-mnist" }.AcceptOnlyFromAmong([.. DatasetRegistry.Names]);
        var dataPath = new Option<string?>("--data-path") { Description = "The dataset's folder or file (default: the dataset's standard location)." };
        var model = new Option<string>("--model") { Description = $"The model: {ModelRegistry.BuiltInHelp} (your TorchScript model trains in searches: evaluation.model \"torchscript\").", DefaultValueFactory = _ => ModelRegistry.SmallCnnName }.AcceptOnlyFromAmong([.. ModelRegistry.BuiltInNames]);
        var steps = new Option<int>("--steps") { Description = "Optimizer steps per run.", DefaultValueFactory = _ => 500 }
            .FollowsSpec("evaluation.steps", v => new() { Steps = v, WarmupSteps = 0 });
        var seeds = new Option<int>("--seeds") { Description = "Runs per loss, seeds 1..K (the same for every loss).", DefaultValueFactory = _ => 3 }.InRange(1, 50);
        var batchSize = new Option<int>("--batch-size") { DefaultValueFactory = _ => 128 }.FollowsSpec("evaluation.batchSize", v => new() { BatchSize = v });
        var learningRate = new Option<double>("--lr") { Description = "Peak learning rate (warm-up + cosine).", DefaultValueFactory = _ => 1e-3 }
            .FollowsSpec("evaluation.learningRate", v => new() { LearningRate = v });
        var trainSubset = new Option<int>("--train-subset") { Description = "Train on this many images (0: the whole training split).", DefaultValueFactory = _ => 0 }
            .FollowsSpec("evaluation.trainSubset", v => new() { TrainSubset = v });
        var validationSize = new Option<int>("--validation-size") { DefaultValueFactory = _ => 5000 }.FollowsSpec("evaluation.validationSize", v => new() { ValidationSize = v });
        var labelNoise = new Option<double>("--label-noise") { Description = "Replace this fraction of training labels by another class (seeded; validation and test stay clean).", DefaultValueFactory = _ => 0 }
            .FollowsSpec("evaluation.labelNoise", v => new() { LabelNoise = v });
        var test = new Option<bool>("--test") { Description = "Also report test-set accuracy and compare on it (final reports only)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads.", DefaultValueFactory = _ => Environment.ProcessorCount }.InRange(1, 256);
        var json = new Option<bool>("--json") { Description = "Print the results as JSON on stdout (progress still goes to stderr)." };
        var command = new Command("train", "Train with one or more losses and CE under the same budget and seeds; print mean ± std, Welch p vs CE and time.")
        {
            losses, dataset, dataPath, model, steps, seeds, batchSize, learningRate, trainSubset, validationSize, labelNoise, test, threads, json,
        };
        EvaluationSpec Evaluation(ParseResult parse) => new()
        {
            Dataset = parse.GetValue(dataset)!,
            DataPath = parse.GetValue(dataPath) ?? "",
            Model = parse.GetValue(model)!,
            Steps = parse.GetValue(steps),
            BatchSize = parse.GetValue(batchSize),
            LearningRate = parse.GetValue(learningRate),
            TrainSubset = parse.GetValue(trainSubset),
            ValidationSize = parse.GetValue(validationSize),
            LabelNoise = parse.GetValue(labelNoise),
            WarmupSteps = Math.Min(100, parse.GetValue(steps) / 10),
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new TrainOptions(Evaluation(parse), parse.GetValue(seeds), parse.GetValue(test), parse.GetValue(threads));
            var rows = Run(options, Named(parse.GetValue(losses)!), console, cancellationToken);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(rows));
            }
            else
            {
                console.Ansi.Write(ComparisonTable.Render(rows, options.Test ? "test accuracy" : "validation accuracy"));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static IReadOnlyList<ComparisonRow> Run(TrainOptions options, IReadOnlyList<(string Name, LossFunction Loss, bool IsBaseline)> losses, CliConsole console, CancellationToken cancellationToken)
    {
        var trainer = new SurrogateTrainer(new DatasetCache());
        var results = new List<(string Name, bool IsBaseline, LossFunction Loss, List<TrainingResult> Runs)>();
        foreach (var (name, loss, isBaseline) in losses)
        {
            var runs = new List<TrainingResult>();
            for (var seed = 1; seed <= options.Seeds; seed++)
            {
                var request = TrainingEvaluator.ToRequest(options.Evaluation, seed, options.Threads) with { EvaluateTest = options.Test };
                var result = trainer.Train(request, new CompiledTensorLoss(loss, name), cancellationToken: cancellationToken);
                runs.Add(result);
                console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{name}] seed {seed}/{options.Seeds}: validation {result.ValidationAccuracy:F4}{(result.TestAccuracy is { } t ? $", test {t:F4}" : "")}, {result.WallTime.TotalSeconds:F1} s{(result.FailureReason is { } why ? $" ({result.Status}: {why})" : "")}"));
            }

            results.Add((name, isBaseline, loss, runs));
        }

        var arms = results.Select(r => new ComparisonArm(r.Name, r.IsBaseline, r.Loss.ToString(), LossText.From(r.Loss))).ToList();
        return ArmComparison.Compare(arms, results.Select(r => (IReadOnlyList<EvaluationResult?>)r.Runs.Select(run => (EvaluationResult?)TrainingEvaluator.ToEvaluation(run, options.Test)).ToList()).ToList());
    }

    /// <summary>CE, then each loss once: a zoo loss under its canonical name ("sce(0.1,1)"), an expression under its infix.</summary>
    private static IReadOnlyList<(string Name, LossFunction Loss, bool IsBaseline)> Named(IEnumerable<string> texts)
    {
        var named = new List<(string Name, LossFunction Loss, bool IsBaseline)> { (ArmComparison.CrossEntropy, LossZoo.CrossEntropy, true) };
        foreach (var text in texts)
        {
            var zoo = LossZoo.Find(text);
            var loss = zoo?.Loss ?? LossFunction.Parse(text);
            var name = zoo?.Name ?? loss.ToString();
            if (!named.Any(n => n.Name == name))
            {
                named.Add((name, loss, zoo is not null));
            }
        }

        return named;
    }
}
