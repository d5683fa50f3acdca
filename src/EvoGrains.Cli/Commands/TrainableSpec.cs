using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// The commands that train a spec's evaluation for real (`train --spec`, `bench fidelity`) need an evaluator that
/// trains.
/// </summary>
public static class TrainableSpec
{
    // The synthetic evaluator has no model, steps or test set to train.
    public static SearchSpec Require(SearchSpec spec, string specFile, string command) =>
        EvaluatorRegistry.Find(spec.Evaluation.Evaluator) is { Trains: true }
            ? spec
            : throw new InputException(
                $"{specFile}: evaluation.evaluator: {command} trains real models, so it needs {Trainers} (got "
                + $"\"{spec.Evaluation.Evaluator}\")");

    private static string Trainers =>
        string.Join(" or ", EvaluatorRegistry.All.Where(e => e.Trains).Select(e => $"\"{e.Name}\""));
}
