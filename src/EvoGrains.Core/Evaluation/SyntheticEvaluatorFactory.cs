using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evaluation;

/// <summary>Core's training-free evaluator; the seed is irrelevant because it is deterministic (the spec's seed count is reported).</summary>
public sealed class SyntheticEvaluatorFactory : IEvaluatorFactory
{
    public const string EvaluatorName = "synthetic";

    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) =>
        new SyntheticEvaluator(TimeSpan.FromMilliseconds(spec.SyntheticDelayMs), seeds: spec.Seeds);
}
