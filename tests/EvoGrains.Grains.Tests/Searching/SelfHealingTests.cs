using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using Xunit.Abstractions;

namespace EvoGrains.Grains.Tests.Searching;

[Trait("Category", "Integration")]
public sealed class SelfHealingTests(DurableSearchClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DurableSearchClusterFixture>
{
    private const int Budget = 150;

    [Fact]
    public async Task A_search_survives_a_killed_silo_counting_every_evaluation_once()
    {
        var searchId = $"kill-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        await search.StartAsync(TestSpecs.Synthetic("kill", Budget, delayMs: 20));
        await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 40, TimeSpan.FromSeconds(60));
        var beforeKill = await search.GetHallOfFameAsync();

        // Killing the search grain's own silo is the hardest case (its timer dies with it); the first
        // silo is spared because the test client's gateway connection starts there.
        var victim = HostOf(search) is { } host && host != fixture.Cluster.Silos[0].SiloAddress
            ? fixture.Cluster.Silos.Single(s => s.SiloAddress == host)
            : fixture.Cluster.Silos[^1];
        var hosted = Enumerable.Range(0, 3).Count(i => HostOf(fixture.Client.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, i))) == victim.SiloAddress)
            + Enumerable.Range(0, 4).Count(i => HostOf(fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, i))) == victim.SiloAddress);
        output.WriteLine($"killing {victim.SiloAddress}: search grain there: {HostOf(search) == victim.SiloAddress}, islands and trainers there: {hosted}");
        await fixture.Cluster.KillSiloAsync(victim);

        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(120));
        Assert.Equal(SearchState.Completed, done.State);
        await SearchAssertions.AssertCountedOnceAsync(search, Budget);

        // Nothing recorded before the kill is lost: the earlier best is still at least matched.
        var afterKill = await search.GetHallOfFameAsync();
        Assert.True(afterKill[0].Fitness >= beforeKill[0].Fitness);
        Assert.NotNull(await search.GetFinalComparisonAsync());
    }

    private SiloAddress? HostOf(IAddressable grain) =>
        fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;
}
