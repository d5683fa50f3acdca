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
        var losses = new Option<string[]>("--loss")
        {
            Description =
                $"A zoo name ({LossZoo.Signatures}; e.g. \"sce(0.1,1)\", bare: the published defaults, see `loss "
                + "zoo`) or an expression; repeat for several. CE is always added.",
            Required = true,
        };
        var evaluation = new TrainEvaluationOptions();
        var seeds = new Option<int>("--seeds")
        {
            Description = "Runs per loss, seeds 1..K (the same for every loss).",
            DefaultValueFactory = _ => 3,
        }.InRange(1, 50);
        var test = new Option<bool>("--test")
        {
            Description = "Also report test-set accuracy and compare on it (final reports only).",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the results as JSON on stdout (progress still goes to stderr).",
        };
        var command = new Command(
            "train",
            "Train with one or more losses and CE under the same budget and seeds (a search spec's, or a spec's "
            + "defaults; options override); print mean ± std, Welch p vs CE and time.")
        {
            losses, seeds, test, json,
        };
        evaluation.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var (settings, threads) = evaluation.Read(parse);
            var options = new TrainOptions(settings, parse.GetValue(seeds), parse.GetValue(test), threads);
            var rows = Run(options, Named(parse.GetValue(losses)!), console, cancellationToken);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(CliJson.Serialize(rows));
            }
            else
            {
                console.Ansi.Write(
                    ComparisonTable.Render(rows, options.Test ? "test accuracy" : "validation accuracy"));
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    internal static IReadOnlyList<ComparisonRow> Run(
        TrainOptions options, IReadOnlyList<(string Name, LossFunction Loss, bool IsBaseline)> losses,
        CliConsole console, CancellationToken cancellationToken)
    {
        // Data that does not load is exit 2 naming the file, before anything is printed.
        var datasets = new DatasetCache();
        _ = datasets.Get(TrainingEvaluator.DatasetOf(options.Evaluation));
        console.Error.WriteLine(Settings(options));
        var trainer = new SurrogateTrainer(datasets);
        var results = new List<(string Name, bool IsBaseline, LossFunction Loss, List<TrainingResult> Runs)>();
        foreach (var (name, loss, isBaseline) in losses)
        {
            var runs = new List<TrainingResult>();
            for (var seed = 1; seed <= options.Seeds; seed++)
            {
                var request = TrainingEvaluator.ToRequest(options.Evaluation, seed, options.Threads) with
                {
                    EvaluateTest = options.Test,
                };
                var result = trainer.Train(
                    request, new CompiledTensorLoss(loss, name), cancellationToken: cancellationToken);
                runs.Add(result);
                console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{name}] seed {seed}/{options.Seeds}: validation "
                    + $"{result.ValidationAccuracy:F4}{(result.TestAccuracy is { } t ? $", test {t:F4}" : "")}, "
                    + $"{result.WallTime.TotalSeconds:F1} "
                    + $"s{(result.FailureReason is { } why ? $" ({result.Status}: {why})" : "")}"));
            }

            results.Add((name, isBaseline, loss, runs));
        }

        var arms = results
            .Select(r => new ComparisonArm(r.Name, r.IsBaseline, r.Loss.ToString(), LossText.From(r.Loss)))
            .ToList();
        return ArmComparison.Compare(
            arms,
            results
                .Select(r => (IReadOnlyList<EvaluationResult?>)r.Runs
                    .Select(run => (EvaluationResult?)TrainingEvaluator.ToEvaluation(run, options.Test))
                    .ToList())
                .ToList());
    }

    /// <summary>The settings every run trains with, so a log says what was compared.</summary>
    internal static string Settings(TrainOptions options)
    {
        var e = options.Evaluation;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"train: {e.Dataset}{(e.DataPath.Length > 0 ? $" ({e.DataPath})" : "")}, {e.Model}, {e.Steps} steps x "
            + $"batch {e.BatchSize}, {e.Optimizer} lr {e.LearningRate} warm-up {e.WarmupSteps}, "
            + $"{(e.TrainSubset > 0 ? e.TrainSubset.ToString(CultureInfo.InvariantCulture) : "all")} training "
            + $"images, {e.ValidationSize} validation, label noise {e.LabelNoise}, augment "
            + $"{e.Augment}"
            + $"{(e.EarlyStopStep > 0 ? $", early stop below {e.EarlyStopAccuracy} at step {e.EarlyStopStep}" : "")}; "
            + $"{options.Seeds} seed(s) per loss, {options.Threads} libtorch thread(s)");
    }

    /// <summary>
    /// CE, then each loss once: a zoo loss under its canonical name ("sce(0.1,1)"), an expression under its infix.
    /// </summary>
    private static IReadOnlyList<(string Name, LossFunction Loss, bool IsBaseline)> Named(IEnumerable<string> texts)
    {
        var named = new List<(string Name, LossFunction Loss, bool IsBaseline)>
        {
            (ArmComparison.CrossEntropy, LossZoo.CrossEntropy, true),
        };
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
