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

    [Fact]
    public async Task A_search_with_rungs_promotes_the_best_through_individuals_and_trainers_and_counts_its_steps()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"rungs-{Guid.NewGuid():N}");
        var synthetic = TestSpecs.Synthetic("rungs", 60, delayMs: 2);
        var spec = synthetic with
        {
            Islands = synthetic.Islands with { Count = 2, Methods = ["regularized-evolution", "random"] },
            Evaluation = synthetic.Evaluation with { WarmupSteps = 0, Rungs = [new RungSpec { Steps = 20 }, new RungSpec { Steps = 50, Seeds = 2 }], Promote = 0.34 },
        };

        await search.StartAsync(spec);
        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(90));

        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        var promoted = history.Where(e => e.Rung == 1).ToList();
        Assert.NotEmpty(promoted);
        Assert.All(promoted, e => Assert.Contains(history, first => first.Rung == 0 && first.Hash == e.Hash && first.Island == e.Island && first.Index < e.Index));
        Assert.All(promoted, e => Assert.Equal((50, 2), (e.Steps, e.Seeds)));
        Assert.All(history.Where(e => e.Rung == 0), e => Assert.Equal((20, 1), (e.Steps, e.Seeds)));
        Assert.Equal(history.Sum(e => e.TrainingSteps), done.TrainingSteps);
        Assert.Equal(1, (await search.GetHallOfFameAsync())[0].Rung);
    }

    [Fact]
    public async Task Results_the_search_could_not_take_yet_stay_in_the_islands_outbox_until_it_can()
    {
        var searchId = $"outbox-{Guid.NewGuid():N}";
        // The search's own trainers take 5 s per job, so results that arrive sooner come from the outbox.
        var spec = TestSpecs.Synthetic("outbox", 60, delayMs: 5_000, trainers: 1) with
        {
            Islands = TestSpecs.Synthetic("outbox", 60, 0).Islands with { Count = 1, Methods = ["gp"] },
        };
        var island = fixture.Client.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, 0));
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0));
        await trainer.StartAsync(new TrainerAssignment(searchId, new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = 5 }, 2));

        // The island runs before its search: every report is refused (the search has no spec yet).
        await island.StartAsync(new IslandAssignment(searchId, 0, spec));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await island.GetStatusAsync()).Evaluations < 9)
        {
            Assert.True(DateTime.UtcNow < deadline, "the island absorbed no results within 20 s");
            await island.PokeAsync();
            await Task.Delay(100);
        }

        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        Assert.Equal(0, (await search.GetHistoryAsync(0, int.MaxValue)).Total);
        await trainer.StopAsync();
        var absorbed = (await island.GetStatusAsync()).Evaluations;
        await search.StartAsync(spec);

        var status = await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= absorbed, TimeSpan.FromSeconds(4));
        Assert.True(status.EvaluationsDone >= absorbed);
        await search.CancelAsync();
    }
}
