using EvoGrains.Core.Search;
using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// One search (key: search id). Clients start, watch and steer it; islands report to it and the
/// queue hands it final-stage results. It never awaits an island or trainer (those calls are
/// one-way), so the awaited call graph stays acyclic and cannot deadlock.
/// </summary>
[Alias("evograins.ISearchGrain")]
public interface ISearchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the spec and starts the islands and trainers. Idempotent for the same spec. An invalid
    /// spec throws <see cref="ArgumentException"/> whose message names the field path.
    /// </summary>
    [Alias("Start")]
    Task<SearchStatus> StartAsync(SearchSpec spec);

    [Alias("GetStatus"), ReadOnly]
    Task<SearchStatus> GetStatusAsync();

    /// <summary>
    /// A snapshot about every second until the search is completed or cancelled (the last snapshot is terminal).
    /// </summary>
    [Alias("Watch")]
    IAsyncEnumerable<SearchStatus> WatchAsync(CancellationToken cancellationToken = default);

    [Alias("Pause")]
    Task PauseAsync();

    [Alias("Resume")]
    Task ResumeAsync();

    [Alias("Cancel")]
    Task CancelAsync();

    [Alias("GetHistory"), ReadOnly]
    Task<HistoryPage> GetHistoryAsync(long offset, int count);

    [Alias("GetHallOfFame"), ReadOnly]
    Task<IReadOnlyList<HallOfFameEntry>> GetHallOfFameAsync();

    /// <summary>Null until the final stage has finished.</summary>
    [Alias("GetFinalComparison"), ReadOnly]
    Task<FinalComparison?> GetFinalComparisonAsync();

    /// <summary>The validated spec; null before the search starts.</summary>
    [Alias("GetSpec"), ReadOnly]
    Task<SearchSpec?> GetSpecAsync();

    /// <summary>
    /// An island's unacknowledged results. True: taken (the island may drop them from its outbox);
    /// false: not taken (the search is not loaded yet), so the island keeps them and sends them again.
    /// Duplicates by (island, hash) are ignored.
    /// </summary>
    // Not interleaving: a report is a turn like a steering call, so it never runs between the awaits of another
    // (docs/architecture.md, "Concurrency"). Islands batch what collects meanwhile into their next report.
    [Alias("Report")]
    Task<bool> ReportAsync(IslandReport report);

    [Alias("OnFinalResult"), OneWay]
    Task OnFinalResultAsync(string jobId, EvaluationResult outcome);
}
