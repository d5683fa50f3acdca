using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Every message the search sends. Islands and trainers get one-way calls only (they wait on the search, never
/// the reverse, so the awaited call graph stays acyclic); the queue and the registry go through
/// <see cref="SideCalls"/>.
/// </summary>
public sealed class SearchMessenger(IGrainFactory grains, string searchId, ILogger logger)
{
    private readonly SideCalls side = new(logger, searchId);

    private IEvaluationQueueGrain Queue => grains.GetGrain<IEvaluationQueueGrain>(searchId);

    public async Task PokeWorkersAsync(SearchSpec spec, bool islandsToo, bool start)
    {
        if (islandsToo)
        {
            await ForEachIslandAsync(spec, (island, i) =>
                start ? island.StartAsync(new IslandAssignment(searchId, i, spec)) : island.PokeAsync());
        }

        var assignment = new TrainerAssignment(searchId, spec.Evaluation, spec.Trainers.LeaseSeconds)
        {
            PackSize = spec.Trainers.PackSize,
        };
        for (var t = 0; t < spec.Trainers.Count; t++)
        {
            await grains.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, t)).StartAsync(assignment);
        }
    }

    public Task PauseIslandsAsync(SearchSpec spec) => ForEachIslandAsync(spec, (island, _) => island.PauseAsync());

    public Task ResumeIslandsAsync(SearchSpec spec) => ForEachIslandAsync(spec, (island, _) => island.ResumeAsync());

    /// <summary>
    /// Islands stop proposing and the search's jobs are dropped, the running ones cancelled at once (final jobs too
    /// when <paramref name="final"/>); returns how many search jobs were running (null: the queue did not answer).
    /// </summary>
    public async Task<int?> StopSearchingAsync(SearchSpec spec, bool final)
    {
        await ForEachIslandAsync(spec, (island, _) => island.StopAsync());
        var running = await side.CallAsync<int?>("queue", async token => await Queue.DropAsync(JobKind.Search, token));
        if (final)
        {
            await side.CallAsync("queue", token => Queue.DropAsync(JobKind.Final, token));
        }

        return running;
    }

    /// <summary>
    /// The search ended: workers stop (queued jobs are dropped after a cancel); returns the trainers' busy seconds.
    /// </summary>
    public async Task<double?> EndAsync(SearchSpec spec, bool cancelled)
    {
        if (cancelled)
        {
            await StopSearchingAsync(spec, final: true);
        }

        // Read before the trainers stop, so the final status keeps their utilisation even between ticks.
        var busy = (await StatisticsAsync())?.BusySeconds;
        await StopTrainersAsync(spec);
        return busy;
    }

    private async Task StopTrainersAsync(SearchSpec spec)
    {
        for (var t = 0; t < spec.Trainers.Count; t++)
        {
            await grains.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, t)).StopAsync();
        }
    }

    /// <summary>Enqueues the final jobs (idempotent by job id); returns the outcomes the queue already knows.</summary>
    public async Task<IReadOnlyDictionary<string, EvaluationResult>> EnqueueFinalAsync(
        SearchSpec spec,
        IReadOnlyList<FinalJob> jobs)
    {
        if (jobs.Count == 0)
        {
            return new Dictionary<string, EvaluationResult>();
        }

        var wire = jobs.Select(j => new EvaluationJob(
            j.JobId, searchId, JobKind.Final, j.Arm.Name, j.Arm.Loss, j.Steps, j.Seed, spec.Trainers.LeaseSeconds,
            j.TrainSubset, j.OnTestSet, Transfer: j.Transfer)).ToList();
        return await side.CallAsync("queue", token => Queue.EnqueueManyAsync(wire, token))
            ?? new Dictionary<string, EvaluationResult>();
    }

    public Task<QueueStatistics?> StatisticsAsync() =>
        side.CallAsync<QueueStatistics?>("queue", async token => await Queue.GetStatisticsAsync(token));

    public Task UpdateRegistryAsync(SearchSummary summary) =>
        side.CallAsync("registry", token =>
            grains.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey).UpsertAsync(summary, token));

    private async Task ForEachIslandAsync(SearchSpec spec, Func<IIslandGrain, int, Task> call)
    {
        for (var i = 0; i < spec.Islands.Count; i++)
        {
            await call(grains.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, i)), i);
        }
    }
}
