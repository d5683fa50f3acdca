using System.Runtime.CompilerServices;
using EvoGrains.Abstractions;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
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
    /// <summary>History records per sealed page: bounds what every state write carries.</summary>
    public const int HistoryPageSize = 64;

    // Islands report in bursts; sharing one write per 20 ms keeps a busy search from serializing its state per report.
    private static readonly TimeSpan WriteSpacing = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);

    // The search never waits longer than this on a grain it only informs or asks for extras (queue statistics,
    // the registry, dropping queued jobs): one on a dead silo must not hold up status calls until Orleans' response timeout.
    private static readonly TimeSpan SideCallTimeout = TimeSpan.FromSeconds(2);

    // Final jobs are re-offered to the queue this often, which recovers a lost result delivery.
    private static readonly TimeSpan FinalResendPeriod = TimeSpan.FromSeconds(5);

    private readonly GroupCommit commit = new(state.WriteStateAsync, WriteSpacing);
    private SearchSpec? spec;
    private HallOfFame hallOfFame = new(1);

    // Every (island, hash) counted, so a resent result is ignored; rebuilt from the history on activation.
    private readonly HashSet<(int Island, string Hash)> reported = [];
    private Task sealing = Task.CompletedTask;
    private QueueStatistics? queueStatistics;
    private IGrainTimer? timer;
    private DateTimeOffset lastFinalSend;

    private SearchGrainState Search => state.State;

    private string SearchId => this.GetPrimaryKeyString();

    private bool IsTerminal => Search.State is SearchState.Completed or SearchState.Cancelled;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Search.State != SearchState.Created)
        {
            Load(Search.Spec!);
            for (var page = 0; page < Search.SealedPages; page++)
            {
                RememberReported(await Page(page).ReadAsync());
            }

            RememberReported(Search.HistoryTail);
            StartTimer();
        }
    }

    public async Task<SearchStatus> StartAsync(SearchSpec parsed)
    {
        if (SearchId.Contains('/', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(SearchId))
        {
            throw new ArgumentException($"search id '{SearchId}' must be non-empty and contain no '/'");
        }

        var errors = SearchSpecValidator.Validate(parsed);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"search '{SearchId}': {errors[0]}" + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : ""), nameof(parsed));
        }

        var normalized = SearchSpecJson.Write(parsed);
        if (Search.State != SearchState.Created)
        {
            return SearchSpecJson.Write(Search.Spec!) == normalized
                ? BuildStatus()
                : throw new InvalidOperationException($"search '{SearchId}' was already started with a different spec");
        }

        // Data that does not load fails the submit with the reason, not every trainer later (off the scheduler: it reads files).
        var evaluators = ServiceProvider.GetKeyedService<IEvaluatorFactory>(parsed.Evaluation.Evaluator);
        if (evaluators is not null && await Task.Run(() => evaluators.DataProblem(parsed.Evaluation)) is { } problem)
        {
            throw new ArgumentException($"search '{SearchId}': {problem}", nameof(parsed));
        }

        Search.Spec = parsed;
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

    public async Task<HistoryPage> GetHistoryAsync(long offset, int count)
    {
        // Captured before the first await: a page sealed meanwhile moves records out of the tail, not out of the history.
        var total = HistoryCount;
        var sealedRecords = SealedRecords;
        var tail = Search.HistoryTail.ToList();
        var start = Math.Clamp(offset, 0, total);
        var end = start + Math.Clamp(count, 0, total - start);
        var entries = new List<HistoryEntry>((int)(end - start));
        for (var index = start; index < end;)
        {
            if (index >= sealedRecords)
            {
                entries.AddRange(tail.GetRange((int)(index - sealedRecords), (int)(end - index)));
                break;
            }

            var page = (int)(index / HistoryPageSize);
            var records = await Page(page).ReadAsync();
            var from = (int)(index - (long)page * HistoryPageSize);
            var take = (int)Math.Min(HistoryPageSize - from, end - index);
            entries.AddRange(records.Skip(from).Take(take));
            index += take;
        }

        return new HistoryPage(start, total, entries);
    }

    public Task<IReadOnlyList<HallOfFameEntry>> GetHallOfFameAsync() => Task.FromResult(hallOfFame.Entries);

    public Task<FinalComparison?> GetFinalComparisonAsync() => Task.FromResult(Search.Comparison);

    public Task<SearchSpec?> GetSpecAsync() => Task.FromResult(Search.Spec);

    public async Task<bool> ReportAsync(IslandReport report)
    {
        if (spec is null)
        {
            return false;
        }

        Search.Islands[report.Island] = report.Status;
        foreach (var result in report.Results)
        {
            if (!reported.Add((result.Island, result.Hash)))
            {
                continue;
            }

            if (Search.State is SearchState.Running or SearchState.Paused && HistoryCount < spec.Budget.MaxEvaluations)
            {
                Record(result with { Index = HistoryCount });
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

        if (Search.HistoryTail.Count >= HistoryPageSize && sealing.IsCompleted)
        {
            sealing = SealPagesAsync();
        }

        return true;
    }

    public async Task OnFinalResultAsync(string jobId, EvaluationResult outcome)
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

    private long SealedRecords => (long)Search.SealedPages * HistoryPageSize;

    private long HistoryCount => SealedRecords + Search.HistoryTail.Count;

    private IHistoryPageGrain Page(int number) => GrainFactory.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(SearchId, number));

    private void Load(SearchSpec parsed)
    {
        spec = parsed;
        hallOfFame = new HallOfFame(Math.Max(20, parsed.FinalStage.TopK));
        foreach (var entry in Search.HallOfFame)
        {
            hallOfFame.Offer(entry);
        }
    }

    private void RememberReported(IEnumerable<HistoryEntry> records)
    {
        foreach (var record in records)
        {
            reported.Add((record.Island, record.Hash));
        }
    }

    private void Record(HistoryEntry entry)
    {
        Search.HistoryTail.Add(entry);
        if (hallOfFame.Offer(HallOfFameEntry.Of(entry)))
        {
            Search.HallOfFame = hallOfFame.Entries.ToList();
        }
    }

    /// <summary>
    /// Moves full pages out of the tail: page first, then the search's own write, so a crash in between
    /// only writes the same page again. Reports interleave meanwhile and append behind the sealed prefix.
    /// </summary>
    private async Task SealPagesAsync()
    {
        try
        {
            while (Search.HistoryTail.Count >= HistoryPageSize)
            {
                await Page(Search.SealedPages).WriteAsync(Search.HistoryTail.GetRange(0, HistoryPageSize));
                Search.HistoryTail.RemoveRange(0, HistoryPageSize);
                Search.SealedPages++;
                await commit.CommitAsync();
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The records stay in the tail; the next report seals them.
            LogSealFailed(logger, error, SearchId);
        }
    }

    private bool BudgetSpent() =>
        HistoryCount >= spec!.Budget.MaxEvaluations
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
        Search.FinalArms = FinalStagePlanner.Plan(spec!.FinalStage, hallOfFame.Entries).ToList();
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
                var known = await GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId).EnqueueManyAsync(missing).WaitAsync(SideCallTimeout);
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

        // The final status keeps the trainers' utilisation even when the search ended between ticks.
        await RefreshQueueStatisticsAsync();
        await StopTrainersAsync();
        await UpdateRegistryAsync();
        StopTimer();
        return true;
    }

    private async Task RefreshQueueStatisticsAsync()
    {
        try
        {
            queueStatistics = await GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId).GetStatisticsAsync().WaitAsync(SideCallTimeout);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogQueueCallFailed(logger, error, SearchId);
        }
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

        await RefreshQueueStatisticsAsync();

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
                await (start ? island.StartAsync(new IslandAssignment(SearchId, i, current)) : island.PokeAsync());
            }
        }

        var assignment = new TrainerAssignment(SearchId, current.Evaluation, current.Trainers.LeaseSeconds) { PackSize = current.Trainers.PackSize };
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
            await call(GrainFactory.GetGrain<IEvaluationQueueGrain>(SearchId)).WaitAsync(SideCallTimeout);
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
                .UpsertAsync(new SearchSummary(SearchId, spec?.Name ?? "", Search.State, Search.StartedAt ?? now, now))
                .WaitAsync(SideCallTimeout);
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
            HistoryCount,
            spec?.Budget.MaxEvaluations ?? 0,
            Search.State is SearchState.Running or SearchState.Paused ? islands.Sum(i => i.InFlight) : 0,
            islands.Sum(i => i.RejectedByScreening),
            islands.Sum(i => i.Duplicates + i.SharedResults),
            Search.LateResults,
            elapsed > 0 ? HistoryCount / (elapsed / 60) : 0,
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {SearchId}: sealing a history page failed; the next report tries again")]
    private static partial void LogSealFailed(ILogger logger, Exception error, string searchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search {SearchId}: updating the registry failed")]
    private static partial void LogRegistryFailed(ILogger logger, Exception error, string searchId);
}
