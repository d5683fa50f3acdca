using System.Runtime.CompilerServices;
using System.Text.Json;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Owns one search: starts islands and trainers, records each (island, hash) result once, stops
/// at the budget, runs the final stage through the same queue and trainers, and serves status.
/// </summary>
/// <remarks>
/// Budget rule: the history holds exactly the first <c>budget.maxEvaluations</c> distinct
/// (island, hash) results to reach this grain (fewer if the time limit or a cancel comes first).
/// Evaluations already in flight when the budget is hit may still finish; their results are
/// counted in <see cref="SearchStatus.LateResults"/> and kept out of the history and hall of fame.
/// A search also ends early when every island is exhausted (no new candidate) with nothing in flight.
/// A grain timer re-pokes islands and trainers every second so a search continues after a silo dies.
/// Reports and final results interleave (see <see cref="ISearchGrain"/>) and share group-committed
/// writes; every lifecycle change happens synchronously before the first await of its method.
/// </remarks>
public sealed partial class SearchGrain(
    [PersistentState("search", EvoGrainsStorage.ProviderName)] IPersistentState<SearchGrainState> state,
    ILogger<SearchGrain> logger) : Grain, ISearchGrain
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);

    // Final jobs are re-offered to the queue this often, which recovers a lost result delivery.
    private static readonly TimeSpan FinalResendPeriod = TimeSpan.FromSeconds(5);

    private readonly GroupCommit commit = new(state.WriteStateAsync);
    private SearchSpec? spec;
    private HallOfFame hallOfFame = new(1);
    private readonly Dictionary<string, HistoryRecord> firstByHash = new(StringComparer.Ordinal);
    private QueueStatistics? queueStatistics;
    private IGrainTimer? timer;
    private DateTimeOffset lastFinalSend;

    private SearchGrainState Search => state.State;

    private string SearchId => this.GetPrimaryKeyString();

    private bool IsTerminal => Search.State is SearchState.Completed or SearchState.Cancelled;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Search.State != SearchState.Created)
        {
            Load(SearchSpecJson.Parse(Search.SpecJson, $"search '{SearchId}'"));
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<SearchStatus> StartAsync(string specJson)
    {
        if (SearchId.Contains('/', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(SearchId))
        {
            throw new ArgumentException($"search id '{SearchId}' must be non-empty and contain no '/'");
        }

        SearchSpec parsed;
        try
        {
            parsed = SearchSpecJson.Parse(specJson, $"search '{SearchId}'");
        }
        catch (SearchSpecException error)
        {
            // Core's exception type has no Orleans codec; clients get the same message as an ArgumentException.
            throw new ArgumentException(error.Message, nameof(specJson));
        }

        var normalized = SearchSpecJson.Write(parsed);
        if (Search.State != SearchState.Created)
        {
            return Search.SpecJson == normalized
                ? BuildStatus()
                : throw new InvalidOperationException($"search '{SearchId}' was already started with a different spec");
        }

        Search.SpecJson = normalized;
        Search.State = SearchState.Running;
        Search.StartedAt = DateTimeOffset.UtcNow;
        await commit.CommitAsync();
        Load(parsed);
        await UpdateRegistryAsync();
        await PokeWorkersAsync(start: true);
        StartTimer();
        return BuildStatus();
    }

    public Task<SearchStatus> GetStatusAsync() => Task.FromResult(BuildStatus());

    public async IAsyncEnumerable<SearchStatus> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var status = BuildStatus();
            yield return status;
            if (status.IsTerminal || status.State == SearchState.Created)
            {
                yield break;
            }

            await Task.Delay(TickPeriod, cancellationToken);
        }
    }

    public async Task PauseAsync()
    {
        if (Search.State != SearchState.Running)
        {
            return;
        }

        Search.State = SearchState.Paused;
        await commit.CommitAsync();
        await ForEachIslandAsync(island => island.PauseAsync());
        await UpdateRegistryAsync();
    }

    public async Task ResumeAsync()
    {
        if (Search.State != SearchState.Paused)
        {
            return;
        }

        Search.State = SearchState.Running;
        await commit.CommitAsync();
        await ForEachIslandAsync(island => island.ResumeAsync());
        await UpdateRegistryAsync();
    }

    public async Task CancelAsync()
    {
        if (IsTerminal || Search.State == SearchState.Created)
        {
            return;
        }

        Search.State = SearchState.Cancelled;
        Search.EndedAt = DateTimeOffset.UtcNow;
        await commit.CommitAsync();
        await ForEachIslandAsync(island => island.StopAsync());
        await StopTrainersAsync();
        await TryQueueAsync(queue => queue.DropQueuedAsync(JobKind.Search));
        await TryQueueAsync(queue => queue.DropQueuedAsync(JobKind.Final));
        await UpdateRegistryAsync();
        StopTimer();
    }

    public Task<HistoryPage> GetHistoryAsync(long offset, int count)
    {
        var total = Search.History.Count;
        var start = (int)Math.Clamp(offset, 0, total);
        var take = Math.Clamp(count, 0, total - start);
        return Task.FromResult(new HistoryPage(start, total, Search.History.GetRange(start, take)));
    }

    public Task<IReadOnlyList<HallOfFameRecord>> GetHallOfFameAsync() => Task.FromResult(HallOfFameRecords());

    public Task<FinalComparison?> GetFinalComparisonAsync() => Task.FromResult(Search.Comparison);

    public Task<string> GetSpecAsync() => Task.FromResult(Search.SpecJson);

    public async Task ReportAsync(IslandReport report)
    {
        if (spec is null)
        {
            return;
        }

        Search.Islands[report.Island] = report.Status;
        foreach (var result in report.Results)
        {
            if (!Search.Reported.Add($"{result.Island}/{result.Hash}"))
            {
                continue;
            }

            if (Search.State is SearchState.Running or SearchState.Paused && Search.History.Count < spec.Budget.MaxEvaluations)
            {
                Record(result with { Index = Search.History.Count });
            }
            else
            {
                Search.LateResults++;
            }
        }

        if (Search.State is SearchState.Running or SearchState.Paused && BudgetSpent())
        {
            await BeginFinalStageAsync();
        }
        else
        {
            await commit.CommitAsync();
        }
    }

    public async Task OnFinalResultAsync(string jobId, EvaluationOutcome outcome)
    {
        if (Search.State != SearchState.FinalStage || !Search.FinalResults.TryAdd(jobId, outcome))
        {
            return;
        }

        if (!await TryCompleteAsync())
        {
            await commit.CommitAsync();
        }
    }

    private void Load(SearchSpec parsed)
    {
        spec = parsed;
        hallOfFame = new HallOfFame(Math.Max(20, parsed.FinalStage.TopK));
        firstByHash.Clear();
        foreach (var entry in Search.History)
        {
            Offer(entry);
        }
    }

    private void Record(HistoryRecord entry)
    {
        Search.History.Add(entry);
        Offer(entry);
    }

    private void Offer(HistoryRecord entry)
    {
        firstByHash.TryAdd(entry.Hash, entry);
        hallOfFame.Offer(new HallOfFameEntry(entry.Hash, entry.Expression, entry.Fitness, entry.Island, entry.Operator, entry.Parents));
    }

    private IReadOnlyList<HallOfFameRecord> HallOfFameRecords() =>
        hallOfFame.Entries.Select(e =>
        {
            var first = firstByHash[e.Hash];
            return new HallOfFameRecord(e.Hash, e.Expression, first.Loss, e.Fitness, e.Island, e.Operator, e.Parents);
        }).ToList();

    private bool BudgetSpent() =>
        Search.History.Count >= spec!.Budget.MaxEvaluations
        || (spec.Budget.MaxMinutes > 0 && DateTimeOffset.UtcNow - Search.StartedAt >= TimeSpan.FromMinutes(spec.Budget.MaxMinutes))
        || AllIslandsExhausted();

    // Without this a search whose islands can no longer find new candidates would wait forever.
    private bool AllIslandsExhausted() =>
        Search.State == SearchState.Running
        && Search.Islands.Count == spec!.Islands.Count
        && Search.Islands.Values.All(i => i.Exhausted && i.InFlight == 0);

    private async Task BeginFinalStageAsync()
    {
        Search.State = SearchState.FinalStage;
        Search.FinalArms = FinalStagePlanner.Plan(spec!.FinalStage, HallOfFameRecords()).ToList();
        await commit.CommitAsync();
        await ForEachIslandAsync(island => island.StopAsync());
        await TryQueueAsync(queue => queue.DropQueuedAsync(JobKind.Search));
        await UpdateRegistryAsync();
        await SendFinalJobsAsync();
    }

    private async Task SendFinalJobsAsync()
    {
        lastFinalSend = DateTimeOffset.UtcNow;
        var missing = FinalStagePlanner.Jobs(SearchId, spec!, Search.FinalArms).Where(j => !Search.FinalResults.ContainsKey(j.JobId)).ToList();
        if (missing.Count > 0)
        {
            try
            {
                var known = await GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId).EnqueueManyAsync(missing);
                foreach (var (jobId, outcome) in known)
                {
                    Search.FinalResults.TryAdd(jobId, outcome);
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogQueueCallFailed(logger, error, SearchId);
            }
        }

        if (!await TryCompleteAsync())
        {
            await commit.CommitAsync();
        }
    }

    private async Task<bool> TryCompleteAsync()
    {
        var expected = Search.FinalArms.Count * spec!.FinalStage.Seeds;
        if (Search.State != SearchState.FinalStage || Search.FinalResults.Count < expected)
        {
            return false;
        }

        var now = DateTimeOffset.UtcNow;
        Search.Comparison = FinalStagePlanner.Compare(spec.FinalStage, Search.FinalArms, Search.FinalResults, now);
        Search.State = SearchState.Completed;
        Search.EndedAt = now;
        await commit.CommitAsync();
        await StopTrainersAsync();
        await UpdateRegistryAsync();
        StopTimer();
        return true;
    }

    private void StartTimer() =>
        timer ??= IsTerminal ? null : this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { KeepAlive = true });

    private void StopTimer()
    {
        timer?.Dispose();
        timer = null;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (IsTerminal || spec is null)
        {
            StopTimer();
            return;
        }

        try
        {
            queueStatistics = await GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId).GetStatisticsAsync();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogQueueCallFailed(logger, error, SearchId);
        }

        if (Search.State is SearchState.Running or SearchState.Paused && BudgetSpent())
        {
            await BeginFinalStageAsync();
        }
        else if (Search.State == SearchState.FinalStage && DateTimeOffset.UtcNow - lastFinalSend >= FinalResendPeriod)
        {
            await SendFinalJobsAsync();
        }

        if (!IsTerminal)
        {
            await PokeWorkersAsync(start: false);
        }
    }

    // One-way calls only: this grain never waits on an island or trainer (they wait on it).
    private async Task PokeWorkersAsync(bool start)
    {
        var current = spec!;
        if (start || Search.State is SearchState.Running or SearchState.Paused)
        {
            for (var i = 0; i < current.Islands.Count; i++)
            {
                var island = GrainFactory.GetGrain<IIslandGrain>(GrainKeys.Island(SearchId, i));
                await (start ? island.StartAsync(new IslandAssignment(SearchId, i, Search.SpecJson)) : island.PokeAsync());
            }
        }

        var assignment = new TrainerAssignment(SearchId, JsonSerializer.Serialize(current.Evaluation, SearchSpecJson.Options), current.Trainers.LeaseSeconds);
        for (var t = 0; t < current.Trainers.Count; t++)
        {
            await GrainFactory.GetGrain<ITrainerGrain>(GrainKeys.Trainer(SearchId, t)).StartAsync(assignment);
        }
    }

    private async Task ForEachIslandAsync(Func<IIslandGrain, Task> call)
    {
        for (var i = 0; i < spec!.Islands.Count; i++)
        {
            await call(GrainFactory.GetGrain<IIslandGrain>(GrainKeys.Island(SearchId, i)));
        }
    }

    private async Task StopTrainersAsync()
    {
        for (var t = 0; t < spec!.Trainers.Count; t++)
        {
            await GrainFactory.GetGrain<ITrainerGrain>(GrainKeys.Trainer(SearchId, t)).StopAsync();
        }
    }

    private async Task TryQueueAsync(Func<IEvaluationQueueGrain, Task> call)
    {
        try
        {
            await call(GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogQueueCallFailed(logger, error, SearchId);
        }
    }

    private async Task UpdateRegistryAsync()
    {
        try
        {
            var now = DateTimeOffset.UtcNow;
            await GrainFactory.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey)
                .UpsertAsync(new SearchSummary(SearchId, spec?.Name ?? "", Search.State, Search.StartedAt ?? now, now));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogRegistryFailed(logger, error, SearchId);
        }
    }

    private SearchStatus BuildStatus()
    {
        var islands = Search.Islands.OrderBy(i => i.Key).Select(i => i.Value).ToList();
        var now = DateTimeOffset.UtcNow;
        var elapsed = Search.StartedAt is { } started ? ((Search.EndedAt ?? now) - started).TotalSeconds : 0;
        var trainers = spec?.Trainers.Count ?? 0;
        var best = hallOfFame.Entries.Count > 0 ? hallOfFame.Entries[0] : null;
        return new SearchStatus(
            SearchId,
            spec?.Name ?? "",
            Search.State,
            Search.History.Count,
            spec?.Budget.MaxEvaluations ?? 0,
            Search.State is SearchState.Running or SearchState.Paused ? islands.Sum(i => i.InFlight) : 0,
            islands.Sum(i => i.RejectedByScreening),
            islands.Sum(i => i.Duplicates + i.SharedResults),
            Search.LateResults,
            elapsed > 0 ? Search.History.Count / (elapsed / 60) : 0,
            best?.Fitness ?? double.NaN,
            best?.Expression,
            islands,
            trainers,
            elapsed > 0 && trainers > 0 && queueStatistics is { } queue ? Math.Min(1, queue.BusySeconds / (elapsed * trainers)) : 0,
            Search.FinalResults.Count,
            Search.FinalArms.Count * (spec?.FinalStage.Seeds ?? 0),
            Search.StartedAt,
            Search.EndedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {SearchId}: a call to its evaluation queue failed; the timer retries")]
    private static partial void LogQueueCallFailed(ILogger logger, Exception error, string searchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {SearchId}: updating the registry failed")]
    private static partial void LogRegistryFailed(ILogger logger, Exception error, string searchId);
}
