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
    /// <summary>
    /// The run folder's spec (with <paramref name="finalStage"/> instead of its own, when given) and hall of fame.
    /// </summary>
    public static (SearchSpec Spec, IReadOnlyList<HallOfFameEntry> HallOfFame) Load(
        string folder,
        FinalStageSpec? finalStage)
    {
        var specFile = Path.Combine(folder, "spec.json");
        var hallFile = Path.Combine(folder, "hall-of-fame.json");
        foreach (var file in new[] { specFile, hallFile }.Where(f => !File.Exists(f)))
        {
            throw new InputException($"{folder}: no {Path.GetFileName(file)} (not the folder of a finished run)");
        }

        var spec = SearchSpecJson.Load(specFile);
        spec = finalStage is null ? spec : spec with { FinalStage = finalStage };
        // Another spec's final stage must also hold with this run's evaluation (its transfer settings change that
        // evaluation).
        if (SearchSpecValidator.Validate(spec).FirstOrDefault() is { } error)
        {
            throw new InputException($"{specFile} with the given final stage: {error}");
        }

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

    /// <summary>
    /// The run's final results (the run folder's final.json, or <paramref name="file"/>): the test table whose arms
    /// (survivors, baselines, tuned baselines with their chosen points) a transfer-only run retrains.
    /// </summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="file">The final results to read instead of the run folder's final.json (what
    /// `evograins final --out` wrote).</param>
    public static FinalComparison LoadFinal(string folder, string? file = null)
    {
        if (file is not null && !File.Exists(file))
        {
            throw new InputException($"{file}: no such file");
        }

        file ??= Path.Combine(folder, "final.json");
        if (!File.Exists(file))
        {
            throw new InputException(
                $"{folder}: no final.json (the run has no final results; `evograins final {folder} --out <dir>` "
                + "makes them, and --final-json <dir>/final.json reads them)");
        }

        FinalComparison? final;
        try
        {
            final = JsonSerializer.Deserialize<FinalComparison>(File.ReadAllText(file), CliJson.Options);
        }
        catch (JsonException bad)
        {
            throw new InputException($"{file}: not final results ({bad.Message.Split('\n')[0]})");
        }

        return final is { Rows.Count: > 0 } && final.Rows.Any(r => r.IsBaseline && r.Name == ArmComparison.CrossEntropy)
            ? final
            : throw new InputException($"{file}: no final table with the CE baseline (the final stage did not finish)");
    }

    /// <param name="progress">Told (done, total) after each pack.</param>
    public static async Task<FinalComparison> RunAsync(
        SearchSpec spec, IReadOnlyList<HallOfFameEntry> hallOfFame, Action<int, int> progress,
        CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection()
            .AddEvoGrainsEvaluators(EmbeddedSilo.TrainingThreads(spec))
            .BuildServiceProvider();
        var factory = Factory(services, spec);
        var total = FinalStage.TotalTrainings(spec, Math.Min(spec.FinalStage.TopK, hallOfFame.Count));
        var record = FinalStage.Begin(spec, hallOfFame);
        while (true)
        {
            (record, var comparison) = FinalStage.Advance(spec, record, DateTimeOffset.UtcNow);
            if (comparison is not null)
            {
                return comparison;
            }

            var results = await TrainAsync(
                spec, factory, FinalStage.Jobs(spec, record), record.Results,
                FinalStage.DoneTrainings(spec, record), total, progress, cancellationToken);
            record = record with { Results = results };
        }
    }

    /// <summary>
    /// Trains only the transfer settings of <paramref name="spec"/>'s final stage on the arms of
    /// <paramref name="final"/>'s test table, with the test seeds (seed i is the test table's seed i); returns
    /// <paramref name="final"/> with the transfer tables (and their trainings counted).
    /// </summary>
    /// <param name="progress">Told (done, total) after each pack.</param>
    public static async Task<FinalComparison> RunTransferAsync(
        SearchSpec spec, FinalComparison final, Action<int, int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(final);
        if (spec.FinalStage.Transfer.Count == 0)
        {
            throw new InputException(
                "finalStage.transfer: no transfer settings to train (give a spec with finalStage.transfer)");
        }

        await using var services = new ServiceCollection()
            .AddEvoGrainsEvaluators(EmbeddedSilo.TrainingThreads(spec))
            .BuildServiceProvider();
        var factory = Factory(services, spec);
        var arms = final.Rows.Select(r => new ComparisonArm(r.Name, r.IsBaseline, r.Expression, r.Loss)).ToList();
        var jobs = FinalStage.TransferJobs(spec, arms);
        var results = await TrainAsync(
            spec, factory, jobs, new Dictionary<string, EvaluationResult>(StringComparer.Ordinal), 0, jobs.Count,
            progress, cancellationToken);
        return final with
        {
            Transfer = FinalStage.TransferTables(spec, arms, results)!,
            Trainings = final.Trainings + jobs.Count,
            CompletedAt = DateTimeOffset.UtcNow,
        };
    }

    private static IEvaluatorFactory Factory(IServiceProvider services, SearchSpec spec)
    {
        var factory = services.GetRequiredKeyedService<IEvaluatorFactory>(spec.Evaluation.Evaluator);
        return factory.DataProblem(spec.Evaluation) is { } problem
            ? throw new InputException($"spec.json: {problem}")
            : factory;
    }

    // The jobs without a result, in packs as a trainer forms them, trainers.count packs at once; returns every result.
    private static async Task<IReadOnlyDictionary<string, EvaluationResult>> TrainAsync(
        SearchSpec spec, IEvaluatorFactory factory, IReadOnlyList<FinalJob> jobs,
        IReadOnlyDictionary<string, EvaluationResult> known, int done, int total, Action<int, int> progress,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, EvaluationResult>(known, StringComparer.Ordinal);
        using var trainers = new SemaphoreSlim(spec.Trainers.Count);
        // Packs form as a trainer's do: jobs with one evaluator (the trainers' key: the job's evaluation and its seed),
        // at most packSize at once.
        var packs = jobs
            .Where(job => !results.ContainsKey(job.JobId))
            .GroupBy(job => (
                Evaluation: spec.Evaluation.ForFinalJob(job.Steps, job.TrainSubset, job.OnTestSet, job.Transfer),
                job.Seed))
            .SelectMany(alike => alike.Chunk(spec.Trainers.PackSize)
                .Select(pack => (alike.Key.Evaluation, alike.Key.Seed, Jobs: pack)))
            .ToList();
        await Task.WhenAll(packs.Select(async pack =>
        {
            await trainers.WaitAsync(cancellationToken);
            try
            {
                var evaluator = factory.Create(pack.Evaluation, pack.Seed);
                var outcomes = await Task.Run(
                    () => evaluator.EvaluateBatchAsync(
                        [.. pack.Jobs.Select(j => new EvaluationCandidate(j.Arm.Loss.ToLoss()))], cancellationToken),
                    cancellationToken);
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
        return results;
    }
}
