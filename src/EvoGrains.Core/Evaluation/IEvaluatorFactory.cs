using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evaluation;

/// <summary>
/// Makes the evaluator a trainer runs. Registered as a keyed singleton under the name that
/// <see cref="EvaluationSpec.Evaluator"/> selects: one per entry of <see cref="Search.Registries.EvaluatorRegistry"/>.
/// </summary>
public interface IEvaluatorFactory
{
    IFitnessEvaluator Create(EvaluationSpec spec, int seed);

    /// <summary>
    /// Why the data of <paramref name="spec"/> cannot be loaded, or null (checked before a search starts; may take a
    /// second).
    /// </summary>
    string? DataProblem(EvaluationSpec spec) => null;
}
