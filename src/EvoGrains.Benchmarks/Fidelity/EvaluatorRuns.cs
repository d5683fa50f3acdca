using System.Collections.Concurrent;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// Trains every loss with each of several evaluators the way the search's trainers do: <see cref="TrainerSpec.Count"/>
/// workers, each taking the next <see cref="TrainerSpec.PackSize"/> losses of one evaluator as one batch
/// (<see cref="IFitnessEvaluator.EvaluateBatchAsync"/>, packed training).
/// </summary>
public static class EvaluatorRuns
{
    /// <param name="done">Called after each batch with the evaluations finished so far and the total (from the workers'
    /// threads).</param>
    /// <returns>results[loss][evaluator index].</returns>
    public static async Task<IReadOnlyList<IReadOnlyList<EvaluationResult>>> TrainAsync(
        IReadOnlyList<IFitnessEvaluator> evaluators,
        IReadOnlyList<LossFunction> losses,
        TrainerSpec trainers,
        Action<int, int>? done,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluators);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(trainers);
        var results = new EvaluationResult[losses.Count, evaluators.Count];
        var batches = new ConcurrentQueue<(int Evaluator, int[] Losses)>(
            from e in Enumerable.Range(0, evaluators.Count)
            from chunk in Enumerable.Range(0, losses.Count).Chunk(Math.Max(1, trainers.PackSize))
            select (e, chunk));
        var finished = 0;

        async Task Worker()
        {
            while (batches.TryDequeue(out var batch))
            {
                var candidates = batch.Losses.Select(i => new EvaluationCandidate(losses[i])).ToList();
                var batchResults = await evaluators[batch.Evaluator]
                    .EvaluateBatchAsync(candidates, cancellationToken)
                    .ConfigureAwait(false);
                for (var i = 0; i < batch.Losses.Length; i++)
                {
                    results[batch.Losses[i], batch.Evaluator] = batchResults[i];
                }

                done?.Invoke(Interlocked.Add(ref finished, batch.Losses.Length), results.Length);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, trainers.Count)).Select(_ => Worker()))
            .ConfigureAwait(false);
        return Enumerable.Range(0, losses.Count)
            .Select(l => (IReadOnlyList<EvaluationResult>)Enumerable.Range(0, evaluators.Count)
                .Select(e => results[l, e])
                .ToList())
            .ToList();
    }
}
