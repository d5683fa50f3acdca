using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Asks the spec's evaluator factory whether the spec's data loads, so a submit fails with the reason instead of
/// every trainer later. Off the scheduler: it reads files. Invalid specs are left to validation (which names the
/// field).
/// </summary>
public static class SpecDataCheck
{
    public static async Task<string?> ProblemAsync(IServiceProvider services, SearchSpec spec) =>
        SearchSpecValidator.Validate(spec).Count == 0
        && services.GetKeyedService<IEvaluatorFactory>(spec.Evaluation.Evaluator) is { } evaluators
            ? await Task.Run(() => evaluators.DataProblem(spec.Evaluation))
            : null;
}
