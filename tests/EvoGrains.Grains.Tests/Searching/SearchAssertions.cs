using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

internal static class SearchAssertions
{
    public static async Task<SearchStatus> WaitUntilAsync(ISearchGrain search, Func<SearchStatus, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await search.GetStatusAsync();
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"search {status.SearchId} is {status.State} with {status.EvaluationsDone}/{status.MaxEvaluations} evaluations and {status.FinalJobsDone}/{status.FinalJobsTotal} final jobs after {timeout}");
            }

            await Task.Delay(200);
        }
    }

    public static async Task<QueueStatistics> WaitUntilQueueAsync(IEvaluationQueueGrain queue, Func<QueueStatistics, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var statistics = await queue.GetStatisticsAsync();
            if (condition(statistics))
            {
                return statistics;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the queue did not reach the condition within {timeout}: {statistics}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Pokes every island of the search (a poke starts a round, which fills the free in-flight slots of a running island
    /// before it first awaits) and reads its status after: none may have planned an evaluation (results that were still on
    /// their way may land meanwhile, so in flight can only go down).
    /// </summary>
    public static async Task PokeIdleIslandsAsync(IGrainFactory grains, string searchId, SearchSpec spec)
    {
        for (var i = 0; i < spec.Islands.Count; i++)
        {
            var island = grains.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, i));
            var before = await island.GetStatusAsync();
            await island.PokeAsync();
            var after = await island.GetStatusAsync();
            Assert.InRange(after.InFlight, 0, before.InFlight);
        }
    }

    /// <summary>Exactly the budget, each (island, hash) once, indexed 0..n-1, and a hall of fame that is the best of that history, one loss per one-hot fingerprint.</summary>
    public static async Task AssertCountedOnceAsync(ISearchGrain search, int budget)
    {
        var history = await search.GetHistoryAsync(0, int.MaxValue);
        Assert.Equal(budget, history.Total);
        Assert.Equal(budget, history.Entries.Count);
        Assert.Equal(Enumerable.Range(0, budget).Select(i => (long)i), history.Entries.Select(e => e.Index));
        Assert.Equal(budget, history.Entries.Select(e => (e.Island, e.Hash)).Distinct().Count());

        // A window across the first sealed page's end reads the same records as the whole history.
        var window = await search.GetHistoryAsync(60, 10);
        Assert.Equal(history.Entries.Skip(60).Take(10).Select(e => (e.Index, e.Hash)), window.Entries.Select(e => (e.Index, e.Hash)));

        // The hall holds one loss per one-hot fingerprint: twins bred on two islands are one loss (one training, shared).
        var hallOfFame = await search.GetHallOfFameAsync();
        Assert.NotEmpty(hallOfFame);
        Assert.Equal(hallOfFame.Count, hallOfFame.Select(h => h.Loss.ToLoss().Fingerprint).Distinct().Count());
        Assert.Equal(hallOfFame.OrderByDescending(h => h.Fitness).Select(h => h.Hash), hallOfFame.Select(h => h.Hash));
        var bestByFingerprint = history.Entries.GroupBy(e => e.Loss.ToLoss().Fingerprint).ToDictionary(g => g.Key, g => g.Max(e => e.Fitness));
        Assert.All(hallOfFame, h => Assert.Equal(bestByFingerprint[h.Loss.ToLoss().Fingerprint], h.Fitness));
        var expectedTop = bestByFingerprint.Values.OrderByDescending(f => f).Take(hallOfFame.Count);
        Assert.Equal(expectedTop, hallOfFame.Select(h => h.Fitness));
    }
}
