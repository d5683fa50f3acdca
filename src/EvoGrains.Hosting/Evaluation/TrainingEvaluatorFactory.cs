using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training;
using EvoGrains.Training.Data;

namespace EvoGrains.Hosting.Evaluation;

/// <summary>
/// Real fitness (<see cref="EvaluatorRegistry.Training"/>): TorchSharp training of the spec's surrogate model. Data
/// sets are read, and each split prepared, once per silo and shared by every trainer; libtorch's thread count is
/// process-wide, set from <c>EvoGrains:Training:Threads</c>.
/// </summary>
public sealed class TrainingEvaluatorFactory(TrainingHostOptions options) : IEvaluatorFactory
{
    private readonly PreparedDataCache prepared = new();

    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) =>
        new TrainingEvaluator(spec, seed, options.Threads, prepared);

    // Through the silo's cache: the data the check loads is the data its trainers then use.
    public string? DataProblem(EvaluationSpec spec) => DataCheck.Problem(spec, prepared.Datasets);
}
