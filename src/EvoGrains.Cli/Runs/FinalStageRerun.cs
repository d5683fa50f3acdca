using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// Runs a finished search's final stage again on this machine, with the run's spec or another final stage: the same
/// rules as a search's final stage (<see cref="FinalStage"/>: rounds, tuned baselines, test round, seeds), the same
/// evaluator factory and packs its trainers use, so an old run can be judged against new or better-tuned baselines
/// without searching again.
/// </summary>
public static class FinalStageRerun
{
    /// <summary>The run folder's spec (with <paramref name="finalStage"/> instead of its own, when given) and hall of fame.</summary>
    public static (SearchSpec Spec, IReadOnlyList<HallOfFameEntry> HallOfFame) Load(string folder, FinalStageSpec? finalStage)
    {
        var specFile = Path.Combine(folder, "spec.json");
        var hallFile = Path.Combine(folder, "hall-of-fame.json");
        foreach (var file in new[] { specFile, hallFile }.Where(f => !File.Exists(f)))
        {
            throw new InputException($"{folder}: no {Path.GetFileName(file)} (not the folder of a finished run)");
        }

        var spec = SearchSpecJson.Load(specFile);
        spec = finalStage is null ? spec : spec with { FinalStage = finalStage };
        List<HallOfFameEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<HallOfFameEntry>>(File.ReadAllText(hallFile), CliJson.Options);
        }
        catch (JsonException bad)
        {
            throw new InputException($"{hallFile}: not a hall of fame ({bad.Message.Split('\n')[0]})");
        }

        // Offered again, so the hall keeps one of any one-hot twins as a search's hall does today.
        var hall = new HallOfFame(Math.Max(1, entries?.Count ?? 0));
        foreach (var entry in entries ?? [])
        {
            hall.Offer(entry);
        }

        return (spec, hall.Entries);
    }

    /// <param name="progress">Told (done, total) after each pack.</param>
    public static async Task<FinalComparison> RunAsync(SearchSpec spec, IReadOnlyList<HallOfFameEntry> hallOfFame, Action<int, int> progress, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddEvoGrainsEvaluators(EmbeddedSilo.TrainingThreads(spec)).BuildServiceProvider();
        var factory = services.GetRequiredKeyedService<IEvaluatorFactory>(spec.Evaluation.Evaluator);
        if (factory.DataProblem(spec.Evaluation) is { } problem)
        {
            throw new InputException($"spec.json: {problem}");
        }

        var total = FinalStage.TotalTrainings(spec, Math.Min(spec.FinalStage.TopK, hallOfFame.Count));
        var record = FinalStage.Begin(spec, hallOfFame);
        using var trainers = new SemaphoreSlim(spec.Trainers.Count);
        while (true)
        {
            (record, var comparison) = FinalStage.Advance(spec, record, DateTimeOffset.UtcNow);
            if (comparison is not null)
            {
                return comparison;
            }

            var done = FinalStage.DoneTrainings(spec, record);
            var results = new Dictionary<string, EvaluationResult>(record.Results, StringComparer.Ordinal);
            // Packs form as a trainer's do: jobs with one evaluator (the trainers' key: the job's evaluation and its seed), at most packSize at once.
            var packs = FinalStage.Jobs(spec, record)
                .Where(job => !results.ContainsKey(job.JobId))
                .GroupBy(job => (Evaluation: spec.Evaluation.ForFinalJob(job.Steps, job.TrainSubset, job.OnTestSet), job.Seed))
                .SelectMany(alike => alike.Chunk(spec.Trainers.PackSize).Select(jobs => (alike.Key.Evaluation, alike.Key.Seed, Jobs: jobs)))
                .ToList();
            await Task.WhenAll(packs.Select(async pack =>
            {
                await trainers.WaitAsync(cancellationToken);
                try
                {
                    var evaluator = factory.Create(pack.Evaluation, pack.Seed);
                    var outcomes = await Task.Run(() => evaluator.EvaluateBatchAsync([.. pack.Jobs.Select(j => new EvaluationCandidate(j.Arm.Loss.ToLoss()))], cancellationToken), cancellationToken);
                    lock (results)
                    {
                        foreach (var (packed, outcome) in pack.Jobs.Zip(outcomes))
                        {
                            results[packed.JobId] = outcome;
                        }

                        done += pack.Jobs.Length;
                        progress(done, total);
                    }
                }
                finally
                {
                    trainers.Release();
                }
            }));
            record = record with { Results = results };
        }
    }
}
