using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>
/// Turns a loss into a fitness. TorchSharp training, the Orleans trainers and test doubles plug in here.
/// </summary>
public interface IFitnessEvaluator
{
    Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken);

    /// <summary>
    /// Evaluates several candidates with this evaluator's settings; results come back in order, each the one
    /// <see cref="EvaluateAsync"/> gives. Evaluators that can train candidates together (packed training) do;
    /// the default evaluates them one after another.
    /// </summary>
    async Task<IReadOnlyList<EvaluationResult>> EvaluateBatchAsync(
        IReadOnlyList<EvaluationCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var results = new List<EvaluationResult>(candidates.Count);
        foreach (var candidate in candidates)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, candidate.Withdrawn);
            try
            {
                results.Add(candidate.Withdrawn.IsCancellationRequested
                    ? EvaluationCandidate.WithdrawnResult
                    : await EvaluateAsync(candidate.Loss, linked.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException)
                when (candidate.Withdrawn.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                results.Add(EvaluationCandidate.WithdrawnResult);
            }
        }

        return results;
    }
}
