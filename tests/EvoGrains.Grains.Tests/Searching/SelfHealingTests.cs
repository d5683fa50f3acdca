using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

public sealed class SelfHealingTests(DurableSearchClusterFixture fixture) : IClassFixture<DurableSearchClusterFixture>
{
    private const int Budget = 150;

    [Fact]
    public async Task A_search_survives_a_killed_silo_counting_every_evaluation_once()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"kill-{Guid.NewGuid():N}");
        await search.StartAsync(SearchSpecJson.Write(TestSpecs.Synthetic("kill", Budget, delayMs: 20)));
        await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 40, TimeSpan.FromSeconds(60));
        var beforeKill = await search.GetHallOfFameAsync();

        // The first silo hosts the test cluster's gateway for the client; kill another one.
        var victim = fixture.Cluster.Silos.Last();
        await fixture.Cluster.KillSiloAsync(victim);

        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(120));
        Assert.Equal(SearchState.Completed, done.State);
        await SearchAssertions.AssertCountedOnceAsync(search, Budget);

        // Nothing recorded before the kill is lost: the earlier best is still at least matched.
        var afterKill = await search.GetHallOfFameAsync();
        Assert.True(afterKill[0].Fitness >= beforeKill[0].Fitness);
        Assert.NotNull(await search.GetFinalComparisonAsync());
    }
}
