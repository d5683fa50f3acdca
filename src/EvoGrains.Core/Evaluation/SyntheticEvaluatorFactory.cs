using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evaluation;

/// <summary>
/// Core's training-free evaluator (<see cref="EvaluatorRegistry.Synthetic"/>); the seed is irrelevant because it is
/// deterministic (the spec's seed count is reported).
/// </summary>
public sealed class SyntheticEvaluatorFactory : IEvaluatorFactory
{
    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) =>
        new SyntheticEvaluator(TimeSpan.FromMilliseconds(spec.SyntheticDelayMs), seeds: spec.Seeds);
}
