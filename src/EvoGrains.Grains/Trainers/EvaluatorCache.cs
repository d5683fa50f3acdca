using EvoGrains.Abstractions;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Trainers;

/// <summary>
/// A trainer's evaluators for one search's evaluation spec, one per way a job trains (rung, or the final stage's
/// steps, images and split) and seed, so a prepared data split and compiled set-up serve every job alike.
/// </summary>
internal sealed class EvaluatorCache(IEvaluatorFactory factory, EvaluationSpec spec)
{
    private readonly Dictionary<(EvaluationSpec Spec, int Seed), IFitnessEvaluator> made = [];

    public EvaluationSpec Spec => spec;

    public IFitnessEvaluator For(EvaluationJob job)
    {
        var key = (Effective(spec, job), job.Seed);
        if (!made.TryGetValue(key, out var evaluator))
        {
            evaluator = factory.Create(key.Item1, key.Seed);
            made[key] = evaluator;
        }

        return evaluator;
    }

    /// <summary>
    /// A search job trains at its rung; a final-stage job with its own steps and images (and transfer setting), one
    /// seed per job.
    /// </summary>
    public static EvaluationSpec Effective(EvaluationSpec spec, EvaluationJob job) => job.Kind == JobKind.Search
        ? spec.AtRung(job.Rung)
        : spec.ForFinalJob(job.Steps, job.TrainSubset, job.OnTestSet, job.Transfer);
}
