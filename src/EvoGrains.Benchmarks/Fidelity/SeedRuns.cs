using System.Collections.Concurrent;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Training;
using EvoGrains.Training.Data;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// Trains every loss once per seed through the search's own <see cref="TrainingEvaluator"/> and packing:
/// <see cref="TrainerSpec.Count"/> workers, each taking the next <see cref="TrainerSpec.PackSize"/> losses of one seed
/// as one batch, with <see cref="TrainerSpec.Threads"/> libtorch threads each, as the search's trainers do.
/// </summary>
/// <remarks>
/// The evaluator is created per seed and asked for one seed at a time, so the per-seed accuracies (and their
/// spread) stay visible whatever the evaluator does with <see cref="EvaluationSpec.Seeds"/>.
/// </remarks>
public static class SeedRuns
{
    /// <returns>results[loss][seed index], in the order of <paramref name="seeds"/>.</returns>
    public static async Task<IReadOnlyList<IReadOnlyList<EvaluationResult>>> TrainAsync(
        EvaluationSpec evaluation,
        IReadOnlyList<int> seeds,
        IReadOnlyList<LossFunction> losses,
        TrainerSpec trainers,
        PreparedDataCache prepared,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(trainers);
        var single = evaluation with { Seeds = 1, Rungs = [] };
        var results = new EvaluationResult[losses.Count, seeds.Count];
        var batches = new ConcurrentQueue<(int Seed, int[] Losses)>(
            from s in Enumerable.Range(0, seeds.Count)
            from chunk in Enumerable.Range(0, losses.Count).Chunk(Math.Max(1, trainers.PackSize))
            select (s, chunk));
        var evaluators = seeds.Select(seed => new TrainingEvaluator(single, seed, trainers.Threads, prepared)).ToList();

        async Task Worker()
        {
            while (batches.TryDequeue(out var batch))
            {
                var candidates = batch.Losses.Select(i => new EvaluationCandidate(losses[i])).ToList();
                var batchResults = await evaluators[batch.Seed].EvaluateBatchAsync(candidates, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batch.Losses.Length; i++)
                {
                    results[batch.Losses[i], batch.Seed] = batchResults[i];
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, trainers.Count)).Select(_ => Worker())).ConfigureAwait(false);
        return Enumerable.Range(0, losses.Count)
            .Select(l => (IReadOnlyList<EvaluationResult>)Enumerable.Range(0, seeds.Count).Select(s => results[l, s]).ToList())
            .ToList();
    }
}
