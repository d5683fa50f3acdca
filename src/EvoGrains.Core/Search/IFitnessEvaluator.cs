using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>Turns a loss into a fitness. TorchSharp training, the Orleans trainers and test doubles plug in here.</summary>
public interface IFitnessEvaluator
{
    Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken);
}
