using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Grains.Searches;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>A search that comes back from storage knows what it counted from its record alone.</summary>
[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class SearchReactivationTests(MemorySearchClusterFixture fixture)
{
    private const int SealedPages = 2;

    [Fact]
    public async Task A_reactivated_search_with_sealed_pages_ignores_resent_results_without_reading_a_page()
    {
        var (searchId, search, history) = await PausedSearchAsync("reactivated");
        AssertNoPageActive(searchId);

        // Resent: one from a sealed page, one from the tail; out of date: an old number for another result. Then a new one.
        var island0 = history.Where(e => e.Island == 0).ToList();
        var resent = new[] { island0[3] with { Index = -1 }, island0[^1] with { Index = -1 }, Entry(-1, island: 0, sequence: 5) with { Hash = "stale" } };
        Assert.True(await search.ReportAsync(new IslandReport(0, resent, Status(0))));
        Assert.Equal(history.Count, (await search.GetStatusAsync()).EvaluationsDone);
        Assert.True(await search.ReportAsync(new IslandReport(0, [.. resent, Entry(-1, island: 0, sequence: 70) with { Hash = "new" }], Status(0))));
        Assert.Equal(history.Count + 1, (await search.GetStatusAsync()).EvaluationsDone);

        // Once more after the search's own write and a deactivation: the high-water marks came back with the record.
        await fixture.Cluster.DeactivateAsync(search.GetGrainId());
        Assert.True(await search.ReportAsync(new IslandReport(1, [history[^1] with { Index = -1 }], Status(1))));
        Assert.True(await search.ReportAsync(new IslandReport(0, [.. resent, Entry(-1, island: 0, sequence: 70) with { Hash = "new" }], Status(0))));
        var status = await search.GetStatusAsync();
        Assert.Equal(history.Count + 1, status.EvaluationsDone);
        Assert.Equal(0, status.LateResults);
        AssertNoPageActive(searchId);

        await search.CancelAsync();
        var all = await search.GetHistoryAsync(0, int.MaxValue);
        Assert.Equal(history.Select(e => e.Hash).Append("new"), all.Entries.Select(e => e.Hash));
    }

    [Fact]
    public async Task A_report_that_fills_pages_costs_the_search_one_write()
    {
        // Reports queue (the search is non-reentrant): a write per sealed page, or a delay per write, holds up every
        // island behind this one while their outboxes grow.
        var (searchId, search, history) = await PausedSearchAsync("one-write");
        var writesBefore = fixture.WritesOf(search.GetGrainId());

        // The tail's 10 and these fill two more pages.
        var results = Enumerable.Range(0, (2 * HistoryBook.PageSize) + 5).Select(i => Entry(-1, island: 0, sequence: 70 + i) with { Hash = $"r{i}" }).ToList();
        Assert.True(await search.ReportAsync(new IslandReport(0, results, Status(0))));

        Assert.Equal(1, fixture.WritesOf(search.GetGrainId()) - writesBefore);
        foreach (var page in new[] { SealedPages, SealedPages + 1 })
        {
            Assert.Equal(1, fixture.WritesOf(fixture.Client.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, page)).GetGrainId()));
        }

        var all = await search.GetHistoryAsync(0, int.MaxValue);
        Assert.Equal(history.Select(e => e.Hash).Concat(results.Select(e => e.Hash)), all.Entries.Select(e => e.Hash));
    }

    private void AssertNoPageActive(string searchId)
    {
        for (var page = 0; page < SealedPages; page++)
        {
            var id = fixture.Client.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, page)).GetGrainId();
            Assert.False(fixture.Cluster.TryGetGrainContext(id, out _), $"history page {page} was activated");
        }
    }

    // Islands 0 and 1 took turns: 138 results, island 0 numbered 1..69, island 1 numbered 1..69; then the search paused.
    private async Task<(string SearchId, ISearchGrain Search, List<HistoryEntry> History)> PausedSearchAsync(string name)
    {
        var searchId = $"{name}-{Guid.NewGuid():N}";
        var history = Enumerable.Range(0, (SealedPages * HistoryBook.PageSize) + 10).Select(i => Entry(i, island: i % 2, sequence: (i / 2) + 1)).ToList();
        await WritePausedSearchAsync(searchId, history);
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        Assert.Equal(history.Count, (await search.GetStatusAsync()).EvaluationsDone);
        return (searchId, search, history);
    }

    // The state a search that sealed two pages persists: the pages, and a record with the tail and the islands' marks.
    private async Task WritePausedSearchAsync(string searchId, List<HistoryEntry> history)
    {
        var storage = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(EvoGrainsStorage.ProviderName);
        for (var page = 0; page < SealedPages; page++)
        {
            var id = fixture.Client.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, page)).GetGrainId();
            await storage.WriteStateAsync("history-page", id, new GrainState<HistoryPageState>(new HistoryPageState { Records = history.GetRange(page * HistoryBook.PageSize, HistoryBook.PageSize) }));
        }

        var record = SearchRecord.Empty with
        {
            Spec = TestSpecs.Synthetic("reactivated", 1000, delayMs: 0),
            State = SearchState.Paused,
            StartedAt = DateTimeOffset.UtcNow,
            HistoryTail = history.Skip(SealedPages * HistoryBook.PageSize).ToList(),
            SealedPages = SealedPages,
            Reported = history.GroupBy(e => e.Island).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence)),
        };
        var searchGrain = fixture.Client.GetGrain<ISearchGrain>(searchId).GetGrainId();
        await storage.WriteStateAsync("search", searchGrain, new GrainState<SearchGrainState>(new SearchGrainState { Record = record }));
    }

    private static HistoryEntry Entry(long index, int island, long sequence) => new HistoryEntry { Index = index, Island = island, Hash = $"h{index}", Expression = "ce", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "genome", Fitness = 0.5, Status = EvaluationStatus.Completed, Seconds = 0.01, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = DateTimeOffset.UnixEpoch, Steps = 10, Sequence = sequence };

    private static IslandStatus Status(int island) => new IslandStatus { Island = island, Method = "random", PopulationSize = 5, BestFitness = double.NaN, BestExpression = null, Diversity = 1, Evaluations = 0, InFlight = 0, RejectedByScreening = 0, Duplicates = 0, SharedResults = 0, MigrantsReceived = 0, Exhausted = false };
}
