using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Evaluation;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Registered as the "training" evaluator in the test clusters: a device that fails every run.</summary>
internal sealed class BrokenDeviceEvaluatorFactory : IEvaluatorFactory, IFitnessEvaluator
{
    public const string Failure = "device lost";

    public IFitnessEvaluator Create(EvaluationSpec spec, int seed) => this;

    public Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Failure);
}
