using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evaluation;

/// <summary>
/// Makes the evaluator a trainer runs. Registered as a keyed singleton under the name that
/// <see cref="EvaluationSpec.Evaluator"/> selects ("synthetic", "training").
/// </summary>
public interface IEvaluatorFactory
{
    IFitnessEvaluator Create(EvaluationSpec spec, int seed);
}
