using System.Diagnostics;
using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using EvoGrains.Grains.Searches;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit.Abstractions;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>
/// How long a search with a long history takes to come back: EVOGRAINS_REACTIVATION_MEASURE history entries are
/// written straight into the file storage the durable tests use (the search's record with its sealed pages), then
/// the first call to the search is timed, cold (no page grain active) and again after only the search was deactivated.
/// Builds its own cluster, so a normal test run does not deploy one for a skipped test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchReactivationMeasurement(ITestOutputHelper output)
{
    public static int? Entries =>
        int.TryParse(Environment.GetEnvironmentVariable("EVOGRAINS_REACTIVATION_MEASURE"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    [ReactivationMeasurementFact]
    public async Task A_search_with_a_long_history_reactivates()
    {
        var entries = Entries!.Value;
        var fixture = new DurableSearchClusterFixture();
        await fixture.InitializeAsync();
        try
        {
            var searchId = $"reactivation-{Guid.NewGuid():N}";
            var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
            var storage = fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>(EvoGrainsStorage.ProviderName);
            var written = Stopwatch.StartNew();
            await WriteSearchAsync(fixture, storage, searchId, entries);
            output.WriteLine($"wrote {entries} entries ({entries / HistoryBook.PageSize} sealed pages) in {written.Elapsed.TotalSeconds:F1} s");

            var cold = Stopwatch.StartNew();
            var status = await search.GetStatusAsync();
            cold.Stop();
            Assert.Equal(entries, status.EvaluationsDone);

            await fixture.Cluster.DeactivateAsync(search.GetGrainId());
            var warm = Stopwatch.StartNew();
            status = await search.GetStatusAsync();
            warm.Stop();
            Assert.Equal(entries, status.EvaluationsDone);

            output.WriteLine($"reactivation with {entries} history entries: first call {cold.Elapsed.TotalMilliseconds:F0} ms cold (no page grain active), {warm.Elapsed.TotalMilliseconds:F0} ms for a second reactivation (page grains the first one activated, if any, still active)");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private static async Task WriteSearchAsync(SearchClusterFixture fixture, IGrainStorage storage, string searchId, int entries)
    {
        var sealedPages = entries / HistoryBook.PageSize;
        var all = Enumerable.Range(0, entries).Select(i => Entry(i)).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, sealedPages), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (page, _) =>
        {
            var id = fixture.Client.GetGrain<IHistoryPageGrain>(GrainKeys.HistoryPage(searchId, page)).GetGrainId();
            var state = new GrainState<HistoryPageState>(new HistoryPageState { Records = all.GetRange(page * HistoryBook.PageSize, HistoryBook.PageSize) });
            await storage.WriteStateAsync("history-page", id, state);
        });

        var now = DateTimeOffset.UtcNow;
        var record = SearchRecord.Empty with
        {
            Spec = TestSpecs.Synthetic("reactivation", entries, delayMs: 0),
            State = SearchState.Completed,
            StartedAt = now.AddHours(-1),
            EndedAt = now,
            HistoryTail = all.GetRange(sealedPages * HistoryBook.PageSize, entries - (sealedPages * HistoryBook.PageSize)),
            SealedPages = sealedPages,
            Reported = all.GroupBy(e => e.Island).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence)),
        };
        var search = new GrainState<SearchGrainState>(new SearchGrainState { Record = record });
        await storage.WriteStateAsync("search", fixture.Client.GetGrain<ISearchGrain>(searchId).GetGrainId(), search);
    }

    private static HistoryEntry Entry(int index)
    {
        var island = index % 4;
        return new HistoryEntry { Index = index, Island = island, Hash = $"{index:x16}", Expression = "ce", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "genome", Fitness = 0.5, Status = EvaluationStatus.Completed, Seconds = 0.01, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = DateTimeOffset.UnixEpoch, Steps = 10, Sequence = (index / 4) + 1 };
    }
}
