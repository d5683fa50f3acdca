using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Tests.Searching;

namespace EvoGrains.Grains.Tests.Trainers;

[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class PackedTrainerGrainTests(MemorySearchClusterFixture fixture)
{
    private const int Budget = 90;

    [Fact]
    public async Task Trainers_that_lease_packs_count_every_evaluation_once_and_run_the_final_stage_in_packs()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"packed-{Guid.NewGuid():N}");
        var spec = TestSpecs.Synthetic("packed", Budget, delayMs: 2, trainers: 2) with
        {
            Trainers = new TrainerSpec { Count = 2, LeaseSeconds = 2, PackSize = 4 },
        };

        await search.StartAsync(spec);
        var final = await SearchAssertions.WaitUntilAsync(search, s => s.State is SearchState.Completed or SearchState.Cancelled, TimeSpan.FromSeconds(90));

        Assert.Equal(SearchState.Completed, final.State);
        await SearchAssertions.AssertCountedOnceAsync(search, Budget);
        var comparison = await search.GetFinalComparisonAsync();
        Assert.NotNull(comparison);
        Assert.All(comparison.Rows, arm => Assert.Equal(spec.FinalStage.Seeds, arm.Fitnesses.Count));
    }
}
