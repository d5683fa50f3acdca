using EvoGrains.Core.Search;
using EvoGrains.Hosting.Evaluation;

namespace EvoGrains.Cli.Commands;

/// <summary>The commands that train a spec's evaluation for real (`train --spec`, `bench fidelity`) need its evaluator to be "training".</summary>
public static class TrainableSpec
{
    // The synthetic evaluator has no model, steps or test set to train.
    public static SearchSpec Require(SearchSpec spec, string specFile, string command) => spec.Evaluation.Evaluator == TrainingEvaluatorFactory.EvaluatorName
        ? spec
        : throw new InputException($"{specFile}: evaluation.evaluator: {command} trains real models, so it needs \"{TrainingEvaluatorFactory.EvaluatorName}\" (got \"{spec.Evaluation.Evaluator}\")");
}
