using System.Diagnostics;
using System.Globalization;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Training;
using EvoGrains.Training.Data;

namespace EvoGrains.Benchmarks.Fidelity;

/// <summary>
/// Rank fidelity (METHODS.md §7, issue 16): trains the spec's baselines and screened candidates at the search's first
/// rung (its steps and seeds, validation accuracy) and at the final stage's test round (its steps, seeds the search
/// never uses, test accuracy), and measures how well the cheap ranking predicts the expensive one.
/// </summary>
public static class FidelityBenchmark
{
    public static async Task<FidelityBenchmarkResult> RunAsync(
        FidelityBenchmarkOptions options, Action<string>? progress = null, DatasetCache? datasets = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FinalSeeds, FidelityBenchmarkOptions.MinFinalSeeds);
        var spec = options.Spec;
        var losses = FidelityCandidates.Sample(spec, options.Candidates);
        var (firstRung, firstBudget) = FirstRung(spec);
        var (final, finalBudget) = Final(spec, options.FinalSeeds);
        using var prepared = new PreparedDataCache(datasets);
        var watch = Stopwatch.StartNew();
        Action<int, int>? Done(string what) => progress is null ? null : (finished, total) =>
            progress(string.Create(
                CultureInfo.InvariantCulture,
                $"  {what}: {finished}/{total} evaluations, {watch.Elapsed.TotalSeconds:F0} s"));

        var threads = spec.Trainers.Threads;
        var lossList = losses.Select(l => l.Loss).ToList();

        // The first rung as an island scores it: one evaluation over all the rung's seeds (packed together, the
        // mean and spread; a loss failing on any seed fails). The final budget as the final stage's test round
        // runs it: one job per seed, each loss's mean over them.
        progress?.Invoke(Describe("first rung", losses.Count, firstBudget));
        var cheap = await EvaluatorRuns.TrainAsync(
            [new TrainingEvaluator(firstRung, spec.Seed, threads, prepared)], lossList, spec.Trainers,
            Done("first rung"), cancellationToken).ConfigureAwait(false);
        progress?.Invoke(Describe("final budget", losses.Count, finalBudget));
        var finalEvaluators = finalBudget.Seeds
            .Select(seed => (IFitnessEvaluator)new TrainingEvaluator(final, seed, threads, prepared))
            .ToList();
        var expensive = await EvaluatorRuns.TrainAsync(
            finalEvaluators, lossList, spec.Trainers, Done("final budget"), cancellationToken).ConfigureAwait(false);

        var cheapMeans = cheap.Select(runs => runs[0].Fitness).ToList();
        var finalMeans = expensive.Select(runs => SampleSummary.Of(Accuracies(runs)).Mean).ToList();
        var (cheapRanks, finalRanks) =
            (RankCorrelation.DescendingRanks(cheapMeans), RankCorrelation.DescendingRanks(finalMeans));
        var rows = losses.Select((loss, i) => new FidelityRow
        {
            Name = loss.Name,
            Expression = loss.Loss.ToString(),
            IsBaseline = loss.IsBaseline,
            FirstRungMean = cheapMeans[i],
            FirstRungSpread = cheap[i][0].Spread,
            FinalMean = finalMeans[i],
            FinalStd = SampleSummary.Of(Accuracies(expensive[i])).StandardDeviation,
            FirstRungRank = cheapRanks[i],
            FinalRank = finalRanks[i],
            FinalRuns = Accuracies(expensive[i]),
            FirstRungFailed = cheap[i][0].Status == EvaluationStatus.Failed,
            FinalFailed = expensive[i].Count(r => r.Status == EvaluationStatus.Failed),
        }).ToList();
        var spearman = PairedBootstrap.Percentile(
            cheapMeans, finalMeans, RankCorrelation.Spearman, spec.Seed, options.Resamples);
        var kendall = PairedBootstrap.Percentile(
            cheapMeans, finalMeans, RankCorrelation.KendallTauB, spec.Seed, options.Resamples);
        return new FidelityBenchmarkResult(
            spec.Name, spec.Evaluation.Dataset, spec.Evaluation.Model, firstBudget, finalBudget, spec.Trainers,
            rows, spearman, kendall, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The search's cheapest fidelity: rung 0's steps and seeds (common random numbers from the spec's seed), on
    /// validation.
    /// </summary>
    public static (EvaluationSpec Evaluation, FidelityBudget Budget) FirstRung(SearchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var evaluation = spec.Evaluation.AtRung(0);
        return (evaluation, new FidelityBudget(
            evaluation.Steps, evaluation.TrainingSeeds(spec.Seed), evaluation.TrainSubset, "validation"));
    }

    /// <summary>
    /// The final stage's test round as its trainers run it: the final steps on the evaluation's training images,
    /// measured on the test split, with the test round's seeds (<see cref="FinalStage.TestSeed"/>).
    /// </summary>
    public static (EvaluationSpec Evaluation, FidelityBudget Budget) Final(SearchSpec spec, int seeds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var evaluation = spec.Evaluation.ForFinalJob(spec.FinalStage.Steps, null, onTestSet: true);
        var seedList = Enumerable.Range(0, seeds).Select(i => FinalStage.TestSeed(spec, i)).ToList();
        return (evaluation, new FidelityBudget(evaluation.Steps, seedList, evaluation.TrainSubset, "test"));
    }

    private static IReadOnlyList<double> Accuracies(IReadOnlyList<EvaluationResult> runs) =>
        runs.Select(r => r.Fitness).ToList();

    private static string Describe(string what, int losses, FidelityBudget budget) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what}: {losses} losses x {budget.Seeds.Count} seed(s) x {budget.Steps} steps, {budget.Split} accuracy");
}
