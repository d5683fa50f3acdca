using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>The island grains' wiring for every method at once; the methods' rules themselves are Core unit tests.</summary>
[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class IslandMethodsTests(MemorySearchClusterFixture fixture)
{
    private const int Budget = 120;

    [Fact]
    public async Task A_search_mixing_every_method_reports_each_island_and_counts_every_result_once()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"methods-{Guid.NewGuid():N}");
        var spec = TestSpecs.Synthetic("methods", Budget, delayMs: 2) with
        {
            Islands = TestSpecs.Synthetic("methods", Budget, 2).Islands with
            {
                Count = 5,
                Methods = ["glo", "taylorglo", "gp", "regularized-evolution", "random"],
                CmaEs = new CmaEsSpec { Every = 8, PopulationSize = 4, Generations = 3 },
            },
        };

        await search.StartAsync(spec);
        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(90));

        Assert.Equal(SearchState.Completed, done.State);
        Assert.Equal(["glo", "taylorglo", "gp", "regularized-evolution", "random"], done.Islands.Select(i => i.Method));
        Assert.All(done.Islands, island => Assert.True(island.Evaluations > 0 && island.PopulationSize > 0, $"island {island.Island} ({island.Method}): {island.Evaluations} results"));
        Assert.Equal(0, done.Islands[1].MigrantsReceived);
        await SearchAssertions.AssertCountedOnceAsync(search, Budget);
        var history = await search.GetHistoryAsync(0, int.MaxValue);
        Assert.All(history.Entries.Where(e => e.Island == 1), e => Assert.Equal("cma-es", e.Operator));
    }
}
