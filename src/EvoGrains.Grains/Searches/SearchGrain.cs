using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// Owns one search: loads its <see cref="SearchBook"/>, lets it decide, persists, and sends what the decisions call
/// for. A timer re-pokes islands and trainers every second so a search continues after a silo dies.
/// </summary>
/// <remarks>
/// Concurrency (docs/architecture.md, "Concurrency"): non-reentrant, and nothing that changes the book interleaves.
/// Starts, steering, island reports, final results and the timer's tick are turns that run one at a time, each to its
/// end with its awaits (persisting, sealing a history page, telling the queue, the registry and the workers), so a
/// transition's side effects run before the next call sees the book. Only readers interleave: the [ReadOnly] getters
/// among themselves, and the status stream's steps (Orleans' enumeration calls), which read the book synchronously.
/// </remarks>
public sealed class SearchGrain(
    [PersistentState("search", EvoGrainsStorage.ProviderName)] IPersistentState<SearchGrainState> state,
    ILogger<SearchGrain> logger) : Grain, ISearchGrain
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);

    // Final jobs are re-offered to the queue this often, which recovers a lost result delivery.
    private static readonly TimeSpan FinalResendPeriod = TimeSpan.FromSeconds(5);

    private SearchBook book = new(SearchRecord.Empty);
    private SearchMessenger messenger = null!;
    private HistoryPager pager = null!;
    private double? busySeconds;
    private IGrainTimer? timer;
    private DateTimeOffset lastFinalSend;
    private bool ended;

    private string SearchId => this.GetPrimaryKeyString();

    // No call interleaves with another (see remarks), so there is nothing to share a write with: each turn writes at
    // once. A delay here would hold up the one island whose report waits for it, and its outbox grows meanwhile.
    private Task WriteAsync()
    {
        state.State.Record = book.Record;
        return state.WriteStateAsync();
    }

    // The record alone is enough to ignore resent results (each island's high-water mark): no sealed page is read.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (messenger, pager) =
            (new SearchMessenger(GrainFactory, SearchId, logger), new HistoryPager(GrainFactory, SearchId, logger));
        book = new SearchBook(state.State.Record);
        ended = book.IsTerminal;
        if (book.Spec is not null)
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    public async Task<SearchStatus> StartAsync(SearchSpec spec)
    {
        if (book.State == SearchState.Created && await SpecDataCheck.ProblemAsync(ServiceProvider, spec) is { } problem)
        {
            throw new ArgumentException($"search '{SearchId}': {problem}", nameof(spec));
        }

        if (book.Start(spec, SearchId, DateTimeOffset.UtcNow))
        {
            await WriteAsync();
            await messenger.UpdateRegistryAsync(book.Summary(SearchId, DateTimeOffset.UtcNow));
            await messenger.PokeWorkersAsync(spec, islandsToo: true, start: true);
            StartTimer();
        }

        return Status();
    }

    public Task<SearchStatus> GetStatusAsync() => Task.FromResult(Status());

    public IAsyncEnumerable<SearchStatus> WatchAsync(CancellationToken cancellationToken = default) =>
        SearchStatusStream.Watch(Status, TickPeriod, cancellationToken);

    public Task PauseAsync() => SteerAsync(book.Pause(), messenger.PauseIslandsAsync);

    public Task ResumeAsync() => SteerAsync(book.Resume(), messenger.ResumeIslandsAsync);

    public async Task CancelAsync()
    {
        if (book.Cancel(DateTimeOffset.UtcNow))
        {
            await AfterChangeAsync();
        }
    }

    public Task<HistoryPage> GetHistoryAsync(long offset, int count) =>
        pager.ReadAsync(book.History.Window(offset, count));

    public Task<IReadOnlyList<HallOfFameEntry>> GetHallOfFameAsync() => Task.FromResult(book.HallOfFame);

    public Task<FinalComparison?> GetFinalComparisonAsync() => Task.FromResult(book.Comparison);

    public Task<SearchSpec?> GetSpecAsync() => Task.FromResult(book.Spec);

    public async Task<bool> ReportAsync(IslandReport report)
    {
        if (!book.Report(report.Island, report.Results, report.Status, DateTimeOffset.UtcNow))
        {
            return false;
        }

        // Full pages first, so the write that takes the report also records them sealed: one write per report.
        await pager.SealDueAsync(book.History);
        if (book.IsTerminal || !await BeginFinalStageIfDueAsync())
        {
            await AfterChangeAsync();
        }

        return true;
    }

    public async Task OnFinalResultAsync(string jobId, EvaluationResult outcome)
    {
        var round = book.Final?.Round;
        if (book.AcceptFinalResult(jobId, outcome, DateTimeOffset.UtcNow))
        {
            await (book.Final?.Round != round && !book.IsTerminal ? SendFinalJobsAsync() : AfterChangeAsync());
        }
    }

    private async Task SteerAsync(bool changed, Func<SearchSpec, Task> islands)
    {
        if (changed)
        {
            await WriteAsync();
            await islands(book.Spec!);
            await messenger.UpdateRegistryAsync(book.Summary(SearchId, DateTimeOffset.UtcNow));
        }
    }

    private SearchStatus Status() => book.Status(SearchId, busySeconds, DateTimeOffset.UtcNow);

    private async Task<bool> BeginFinalStageIfDueAsync()
    {
        if (!book.BeginFinalStageIfDue(DateTimeOffset.UtcNow))
        {
            return false;
        }

        await WriteAsync();
        book.RecordCancelledTrainings(await messenger.StopSearchingAsync(book.Spec!, final: false) ?? 0);
        await messenger.UpdateRegistryAsync(book.Summary(SearchId, DateTimeOffset.UtcNow));
        await SendFinalJobsAsync();
        return true;
    }

    private async Task SendFinalJobsAsync()
    {
        lastFinalSend = DateTimeOffset.UtcNow;
        foreach (var (jobId, outcome) in await messenger.EnqueueFinalAsync(book.Spec!, book.MissingFinalJobs()))
        {
            book.AcceptFinalResult(jobId, outcome, DateTimeOffset.UtcNow);
        }

        await AfterChangeAsync();
    }

    // Persists; the first call after the search ended also stops its workers (once).
    private async Task AfterChangeAsync()
    {
        await WriteAsync();
        if (!book.IsTerminal || ended)
        {
            return;
        }

        ended = true;
        StopTimer();
        busySeconds = await messenger.EndAsync(book.Spec!, book.State is SearchState.Cancelled or SearchState.Failed)
            ?? busySeconds;
        await messenger.UpdateRegistryAsync(book.Summary(SearchId, DateTimeOffset.UtcNow));
    }

    // Interleave = false: a tick is a turn like any call, so it never runs between the awaits of another.
    private void StartTimer() =>
        timer ??= book.IsTerminal
            ? null
            : this.RegisterGrainTimer(
                TickAsync,
                new GrainTimerCreationOptions(TickPeriod, TickPeriod) { KeepAlive = true, Interleave = false });

    private void StopTimer() => Interlocked.Exchange(ref timer, null)?.Dispose();

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (book.IsTerminal || book.Spec is not { } spec)
        {
            StopTimer();
            return;
        }

        busySeconds = (await messenger.StatisticsAsync())?.BusySeconds ?? busySeconds;
        if (!await BeginFinalStageIfDueAsync() && book.State == SearchState.FinalStage
            && DateTimeOffset.UtcNow - lastFinalSend >= FinalResendPeriod)
        {
            await SendFinalJobsAsync();
        }

        if (!book.IsTerminal)
        {
            await messenger.PokeWorkersAsync(spec, islandsToo: book.IsSearching, start: false);
        }
    }
}
