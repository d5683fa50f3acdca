using System.Diagnostics;
using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Telemetry;

namespace EvoGrains.Benchmarks.Orchestration;

/// <summary>
/// Measures the whole evaluation path on a running cluster (embedded silo or test cluster) with the
/// synthetic evaluator. Elapsed time runs from the search's start to its last counted result, so
/// the final stage and client polling are not measured.
/// </summary>
public static class OrchestrationBenchmark
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(250);

    public static async Task<OrchestrationBenchmarkResult> RunAsync(
        IGrainFactory grains, OrchestrationBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        if (options.WarmupEvaluations > 0)
        {
            await RunSearchAsync(
                grains,
                Spec(
                    "bench-warmup", options.WarmupEvaluations, options.ThroughputTrainers,
                    options.ThroughputIslands, options.ThroughputInFlightPerIsland, delayMs: 0),
                options.RunTimeout, cancellationToken);
        }

        var throughputSpec = Spec(
            "bench-throughput", options.ThroughputEvaluations, options.ThroughputTrainers,
            options.ThroughputIslands, options.ThroughputInFlightPerIsland, delayMs: 0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (searchBefore, searchBytesBefore) = (SearchWork.Total, SearchWork.Allocated);
        var (bytesBefore, collectionsBefore) = (GC.GetTotalAllocatedBytes(), Collections());
        var throughput = await RunSearchAsync(grains, throughputSpec, options.RunTimeout, cancellationToken);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var search = SearchWork.Total - searchBefore;
        var bytes = GC.GetTotalAllocatedBytes() - bytesBefore;
        var searchBytes = SearchWork.Allocated - searchBytesBefore;
        var collections = Collections() - collectionsBefore;
        var perSecond = throughput.Trained / throughput.Elapsed.TotalSeconds;

        var scaling = new List<TrainerScalingPoint>();
        foreach (var trainers in options.ScalingTrainers)
        {
            // Keep about 1.5 jobs per trainer in flight so the queue never runs dry between results.
            var inFlight = (int)Math.Ceiling(trainers * 1.5) + 2;
            var islands = Math.Clamp((int)Math.Ceiling(inFlight / 8.0), 2, 64);
            var perIsland = (int)Math.Ceiling(inFlight / (double)islands);
            var evaluations = trainers * options.ScalingJobsPerTrainer;
            var spec = Spec(
                $"bench-scaling-{trainers}", evaluations, trainers, islands, perIsland, options.ScalingJobMilliseconds);
            var run = await RunSearchAsync(grains, spec, options.RunTimeout, cancellationToken);
            scaling.Add(new TrainerScalingPoint(
                trainers,
                run.Trained,
                run.Elapsed,
                run.Trained / run.Elapsed.TotalSeconds,
                trainers * 1000.0 / options.ScalingJobMilliseconds));
        }

        return new OrchestrationBenchmarkResult(
            throughput.Trained,
            options.ThroughputTrainers,
            throughput.Elapsed,
            perSecond,
            TimeSpan.FromSeconds(throughput.Elapsed.TotalSeconds * options.ThroughputTrainers / throughput.Trained),
            cpu / throughput.Trained,
            search / throughput.Trained,
            scaling)
        {
            AllocatedPerEvaluation = (double)bytes / throughput.Trained,
            SearchAllocatedPerEvaluation = (double)searchBytes / throughput.Trained,
            Collections = collections,
        };
    }

    private static int Collections() => Enumerable.Range(0, GC.MaxGeneration + 1).Sum(GC.CollectionCount);

    private static SearchSpec Spec(
        string name,
        int evaluations,
        int trainers,
        int islands,
        int inFlightPerIsland,
        int delayMs) => new()
        {
            Name = name,
            Seed = 11,
            Islands = new IslandSpec
            {
                Count = islands,
                Methods = ["regularized-evolution", "gp", "random"],
                Space = "tree",
                MaxDepth = 4,
                PopulationSize = 16,
                TournamentSize = 4,
                SeedEvaluations = 16,
                InFlight = inFlightPerIsland,
            },
            Migration = new MigrationSpec { Every = 20, Count = 2 },
            Budget = new BudgetSpec { MaxEvaluations = evaluations },
            Evaluation = new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = delayMs },
            Trainers = new TrainerSpec { Count = trainers, LeaseSeconds = 30 },
            FinalStage = new FinalStageSpec { TopK = 0, Seeds = 1, Steps = 1, Baselines = ["ce"] },
        };

    private static async Task<(int Trained, TimeSpan Elapsed)> RunSearchAsync(
        IGrainFactory grains, SearchSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var searchId = string.Create(CultureInfo.InvariantCulture, $"{spec.Name}-{Guid.NewGuid():N}");
        var search = grains.GetGrain<ISearchGrain>(searchId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var status = await search.StartAsync(spec);
        while (!status.IsTerminal)
        {
            await Task.Delay(PollPeriod, deadline.Token);
            status = await search.GetStatusAsync();
        }

        var total = (int)status.EvaluationsDone;
        if (status.State != SearchState.Completed || total == 0 || status.StartedAt is not { } started)
        {
            throw new InvalidOperationException(
                $"benchmark search {searchId} ended {status.State} with {total} evaluations");
        }

        // Islands stamp results in parallel, so the latest stamp (not the last index) ends the run.
        // A shared result (two islands, one hash) was trained once, so only unshared entries count as work.
        var history = await search.GetHistoryAsync(0, total);
        return (history.Entries.Count(e => !e.Shared), history.Entries.Max(e => e.CompletedAt) - started);
    }
}
