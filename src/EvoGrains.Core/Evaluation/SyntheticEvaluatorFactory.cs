using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evaluation;

/// <summary>Core's training-free evaluator; the seed is irrelevant because it is deterministic.</summary>
public sealed class SyntheticEvaluatorFactory : IEvaluatorFactory
{
    public const string EvaluatorName = "synthetic";

    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) =>
        new SyntheticEvaluator(TimeSpan.FromMilliseconds(spec.SyntheticDelayMs));
}
