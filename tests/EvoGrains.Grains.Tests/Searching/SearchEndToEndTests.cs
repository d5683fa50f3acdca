using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class SearchEndToEndTests(MemorySearchClusterFixture fixture)
{
    private const int Budget = 150;

    [Fact]
    public async Task A_synthetic_search_completes_with_history_hall_of_fame_and_final_comparison()
    {
        var searchId = $"e2e-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var spec = TestSpecs.Synthetic("e2e", Budget, delayMs: 2);

        var started = await search.StartAsync(spec);
        Assert.Equal(SearchState.Running, started.State);

        var snapshots = new List<SearchStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var status in search.WatchAsync(timeout.Token))
        {
            snapshots.Add(status);
        }

        var final = snapshots[^1];
        Assert.Equal(SearchState.Completed, final.State);
        Assert.Equal(Budget, final.EvaluationsDone);
        Assert.NotNull(final.EndedAt);
        Assert.Equal(3, final.Islands.Count);
        Assert.Equal(["regularized-evolution", "gp", "random"], final.Islands.Select(i => i.Method));
        Assert.All(final.Islands, island => Assert.True(island.PopulationSize > 0));
        Assert.True(final.BestFitness > 0);
        Assert.True(final.TrainerUtilisation is > 0 and <= 1);
        Assert.True(snapshots.Count >= 2, "watch yields snapshots until the end");

        await SearchAssertions.AssertCountedOnceAsync(search, Budget);

        var comparison = await search.GetFinalComparisonAsync();
        Assert.NotNull(comparison);
        Assert.Equal(["ce", "focal"], comparison.Rows.Where(a => a.IsBaseline).Select(a => a.Name));
        var hallOfFame = await search.GetHallOfFameAsync();
        Assert.Equal(hallOfFame.Take(2).Select(h => h.Hash), comparison.Rows.Where(a => !a.IsBaseline).Select(a => a.Name));
        Assert.All(comparison.Rows, arm => Assert.Equal(3, arm.Fitnesses.Count));
        Assert.All(comparison.Rows, arm => Assert.True(arm.SecondsPerRun > 0 && arm.FailedRuns == 0, $"{arm.Name}: {arm.SecondsPerRun} s/run, {arm.FailedRuns} failed"));
        Assert.True(double.IsNaN(comparison.Rows.Single(a => a.Name == "ce").PValueVsCe));

        var listed = await fixture.Client.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey).ListAsync();
        Assert.Contains(listed, s => s.SearchId == searchId && s.State == SearchState.Completed);

        var again = await search.StartAsync(spec);
        Assert.Equal(SearchState.Completed, again.State);
    }

    [Fact]
    public async Task The_final_stage_eliminates_on_validation_then_tables_survivors_and_baselines_on_test()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"rounds-{Guid.NewGuid():N}");
        var final = new FinalStageSpec
        {
            TopK = 4,
            Steps = 12,
            TestSeeds = 3,
            Baselines = ["focal"],
            Tune = [],
            Rounds = [new FinalRoundSpec { Keep = 2, Steps = 5, Seeds = 2, TrainSubset = 300 }, new FinalRoundSpec { Keep = 1, Steps = 8, Seeds = 1 }],
        };
        await search.StartAsync(TestSpecs.Synthetic("rounds", 40, delayMs: 1) with { FinalStage = final });

        var status = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(90));
        var comparison = await search.GetFinalComparisonAsync();

        Assert.Equal(SearchState.Completed, status.State);
        Assert.NotNull(comparison);
        Assert.Equal(FinalComparison.Test, comparison.Split);
        Assert.Equal([2, 1], comparison.Rounds.Select(r => r.Kept.Count));
        Assert.Equal([4, 2], comparison.Rounds.Select(r => r.Rows.Count));
        Assert.Equal(comparison.Rounds[1].Kept, comparison.Rows.Where(r => !r.IsBaseline).Select(r => r.Name));
        Assert.Equal(["ce", "focal"], comparison.Rows.Where(r => r.IsBaseline).Select(r => r.Name));
        Assert.All(comparison.Rows, r => Assert.Equal(3, r.Runs));
        Assert.Equal((4 * 2) + (2 * 1) + (3 * 3), comparison.Trainings);
        Assert.Equal((comparison.Trainings, comparison.Trainings), (status.FinalJobsDone, status.FinalJobsTotal));
    }

    [Fact]
    public async Task An_invalid_spec_is_rejected_with_the_field_path()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"invalid-{Guid.NewGuid():N}");
        var spec = TestSpecs.Synthetic("invalid", 10, 0) with { Islands = new IslandSpec { Count = 2, Methods = ["gp"], Space = "cell" } };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => search.StartAsync(spec));

        Assert.Contains("islands.methods", error.Message, StringComparison.Ordinal);
        Assert.Equal(SearchState.Created, (await search.GetStatusAsync()).State);
    }

    [Fact]
    public async Task The_time_budget_ends_the_search_and_runs_the_final_stage()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"minutes-{Guid.NewGuid():N}");
        var spec = TestSpecs.Synthetic("minutes", 1_000_000, delayMs: 20, trainers: 2) with { Budget = new BudgetSpec { MaxEvaluations = 1_000_000, MaxMinutes = 0.05 } };
        await search.StartAsync(spec);

        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(45));

        Assert.Equal(SearchState.Completed, done.State);
        Assert.InRange(done.EvaluationsDone, 1, 999_999);
        Assert.NotNull(await search.GetFinalComparisonAsync());
    }

    [Fact]
    public async Task A_cancelled_search_stops_without_a_final_stage()
    {
        var searchId = $"cancel-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var spec = TestSpecs.Synthetic("cancel", 1000, delayMs: 5);
        await search.StartAsync(spec);
        await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 10, TimeSpan.FromSeconds(30));

        await search.CancelAsync();
        var atCancel = await search.GetStatusAsync();

        // The work is over once no trainer holds a job (an enqueue already on its way may still land, but trainers are
        // stopped); then every island is poked and plans nothing (it is stopped; whatever it still reports is late): the
        // history is what it was at the cancel.
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await SearchAssertions.WaitUntilQueueAsync(queue, q => q.Leased == 0, TimeSpan.FromSeconds(30));
        await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        var status = await search.GetStatusAsync();
        Assert.Equal(SearchState.Cancelled, status.State);
        Assert.Equal(atCancel.EvaluationsDone, status.EvaluationsDone);
        Assert.NotNull(status.EndedAt);
        Assert.True(status.EvaluationsDone < 1000);
        Assert.Null(await search.GetFinalComparisonAsync());
        var history = await search.GetHistoryAsync(0, int.MaxValue);
        Assert.Equal(status.EvaluationsDone, history.Total);
    }

    [Fact]
    public async Task A_paused_search_stops_proposing_and_resumes_to_completion()
    {
        // 50 ms jobs: long enough that the pause lands well before the budget (5 ms jobs finish 60 between two polls).
        var searchId = $"pause-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var spec = TestSpecs.Synthetic("pause", 60, delayMs: 50);
        await search.StartAsync(spec);
        await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 10, TimeSpan.FromSeconds(30));

        // Paused islands propose nothing; what they had in flight still trains and counts. Once the islands report nothing
        // in flight and the queue is empty, poking every island must not start anything, and the count stays.
        await search.PauseAsync();
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        var paused = await SearchAssertions.WaitUntilAsync(search, s => s.InFlight == 0, TimeSpan.FromSeconds(30));
        await SearchAssertions.WaitUntilQueueAsync(queue, q => q.Queued == 0 && q.Leased == 0, TimeSpan.FromSeconds(30));
        var enqueued = (await queue.GetStatisticsAsync()).Enqueued;
        await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        var stillPaused = await search.GetStatusAsync();
        Assert.Equal(SearchState.Paused, stillPaused.State);
        Assert.Equal(paused.EvaluationsDone, stillPaused.EvaluationsDone);
        Assert.Equal(enqueued, (await queue.GetStatisticsAsync()).Enqueued);

        await search.ResumeAsync();
        var done = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(60));
        Assert.Equal(SearchState.Completed, done.State);
        await SearchAssertions.AssertCountedOnceAsync(search, 60);
    }
}
