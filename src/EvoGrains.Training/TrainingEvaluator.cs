using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training;

/// <summary>
/// Fitness by real training: each evaluation trains the spec's surrogate model with the candidate
/// on a dedicated thread (never on the caller's scheduler) and returns its validation accuracy. A batch
/// trains as packs of one vectorised model, each candidate with the result it gets alone.
/// </summary>
public sealed class TrainingEvaluator(EvaluationSpec spec, int seed, int threads, PreparedDataCache prepared)
    : IFitnessEvaluator
{
    private readonly SurrogateTrainer trainer = new(prepared);
    private readonly PackedTrainer packed = new(prepared);

    public TrainingEvaluator(EvaluationSpec spec, int seed, int threads, DatasetCache? datasets = null)
        : this(spec, seed, threads, new PreparedDataCache(datasets))
    {
    }

    public static TrainingRequest ToRequest(EvaluationSpec spec, int seed, int threads) => new()
    {
        Dataset = DatasetOf(spec),
        Model = spec.Model,
        Steps = spec.Steps,
        BatchSize = spec.BatchSize,
        LearningRate = spec.LearningRate,
        Optimizer = spec.Optimizer,
        WarmupSteps = spec.WarmupSteps,
        Seed = seed,
        ValidationSize = spec.ValidationSize,
        TrainSubsetSize = spec.TrainSubset > 0 ? spec.TrainSubset : null,
        EarlyStop = spec.EarlyStopStep > 0 ? new EarlyStopRule(spec.EarlyStopStep, spec.EarlyStopAccuracy) : null,
        MaxThreads = threads,
        LabelNoise = spec.LabelNoise,
        Augment = spec.Augment,
        ModelPath = string.IsNullOrWhiteSpace(spec.ModelPath) ? null : spec.ModelPath,
        Pretrained = spec.Pretrained,
    };

    /// <summary>The data <paramref name="spec"/> names, through the dataset registry.</summary>
    /// <exception cref="ArgumentException">The spec names no dataset of the registry.</exception>
    public static DatasetSpec DatasetOf(EvaluationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var dataset = DatasetRegistry.Get(spec.Dataset);
        return new DatasetSpec(dataset.Name, string.IsNullOrWhiteSpace(spec.DataPath) ? null : spec.DataPath)
        {
            ImageSize = spec.ImageSize,
            Channels = spec.Channels,
            ChannelsFirst = spec.Layout == "nchw",
            Synthetic = dataset == DatasetRegistry.Synthetic ? new SyntheticOptions() : null,
        };
    }

    public Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => EvaluationResult.OverSeeds(spec.TrainingSeeds(seed)
                .Select(s => ToEvaluation(
                    trainer.Train(
                        Request() with { Seed = s },
                        new CompiledTensorLoss(loss),
                        cancellationToken: cancellationToken),
                    spec.MeasureOnTestSet))
                .ToList()),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>
    /// One pack per call (split only by the memory budget) of every (candidate, seed) member; each candidate's result
    /// is the mean over the spec's seeds, and its seconds its share of the pack's wall time.
    /// </summary>
    public Task<IReadOnlyList<EvaluationResult>> EvaluateBatchAsync(
        IReadOnlyList<EvaluationCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return Task.Factory.StartNew(
            () =>
            {
                var seeds = spec.TrainingSeeds(seed);
                var perMember = TrainMembers(candidates, seeds, cancellationToken);
                return (IReadOnlyList<EvaluationResult>)candidates
                    .Select((c, i) => c.Withdrawn.IsCancellationRequested
                        ? EvaluationCandidate.WithdrawnResult
                        : EvaluationResult.OverSeeds(perMember.Skip(i * seeds.Count).Take(seeds.Count).ToList()))
                    .ToList();
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Every candidate with every seed, candidate-major.</summary>
    private List<EvaluationResult> TrainMembers(
        IReadOnlyList<EvaluationCandidate> candidates, IReadOnlyList<int> seeds, CancellationToken cancellationToken)
    {
        var members = candidates.SelectMany(c => seeds.Select(s => (Candidate: c, Seed: s))).ToList();
        if (spec.MeasureOnTestSet)
        {
            // Packs measure validation only; the final stage's few test runs train one at a time.
            return members
                .Select(m => m.Candidate.Withdrawn.IsCancellationRequested
                    ? EvaluationCandidate.WithdrawnResult
                    : ToEvaluation(
                        trainer.Train(
                            Request() with { Seed = m.Seed }, new CompiledTensorLoss(m.Candidate.Loss),
                            cancellationToken: cancellationToken),
                        onTestSet: true))
                .ToList();
        }

        var results = packed.Train(
            Request(),
            members
                .Select(m => new PackMember(new CompiledTensorLoss(m.Candidate.Loss), m.Seed)
                {
                    Withdrawn = m.Candidate.Withdrawn,
                })
                .ToList(),
            cancellationToken);
        return results.Select(r => ToEvaluation(r) with { Seconds = r.WallTime.TotalSeconds / results.Count }).ToList();
    }

    // The final stage's test round measures the test split; everything else selects on validation only.
    private TrainingRequest Request() => ToRequest(spec, seed, threads) with { EvaluateTest = spec.MeasureOnTestSet };

    /// <param name="onTestSet">The fitness is the test accuracy (0 when the run failed before measuring it).</param>
    public static EvaluationResult ToEvaluation(TrainingResult result, bool onTestSet = false) => new(
        onTestSet ? result.TestAccuracy ?? 0 : result.ValidationAccuracy,
        result.Status switch
        {
            TrainingStatus.Completed => EvaluationStatus.Completed,
            TrainingStatus.EarlyStopped => EvaluationStatus.EarlyStopped,
            _ => EvaluationStatus.Failed,
        },
        result.WallTime.TotalSeconds,
        result.FailureReason,
        result.FinalTrainingLoss);
}
