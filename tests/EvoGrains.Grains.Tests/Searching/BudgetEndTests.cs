using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>The end of a time budget: trainings still running are cancelled, not finished and dropped, and the island table shows only counted results.</summary>
[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class BudgetEndTests(MemorySearchClusterFixture fixture)
{
    [Fact]
    public async Task Trainings_running_when_the_time_budget_ends_are_cancelled_and_every_island_result_shown_is_counted()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"budget-end-{Guid.NewGuid():N}");
        // 2.5-second trainings on four trainers that always have work (nine in flight): when the six seconds end, trainings
        // are halfway. (Two-second ones ended together with the budget, so a finished one raced every cancel.)
        var spec = TestSpecs.Synthetic("budget-end", evaluations: 10_000, delayMs: 2_500) with
        {
            Budget = new BudgetSpec { MaxEvaluations = 10_000, MaxMinutes = 0.1 },
        };

        await search.StartAsync(spec);
        var status = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(90));

        Assert.Equal(SearchState.Completed, status.State);
        Assert.InRange(status.CancelledTrainings, 1, spec.Trainers.Count);
        // Finished and then dropped, they would all arrive late; a cancel can only race a training that ended that very moment.
        Assert.True(status.LateResults < status.CancelledTrainings, $"{status.LateResults} late results, {status.CancelledTrainings} cancelled");
        Assert.NotNull(status.FinalStageStartedAt);

        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        var hallOfFame = await search.GetHallOfFameAsync();
        Assert.Equal(status.EvaluationsDone, status.Islands.Sum(i => i.Evaluations));
        Assert.All(status.Islands.Where(i => i.BestExpression is not null), island =>
        {
            Assert.Contains(history, h => h.Expression == island.BestExpression && h.Fitness == island.BestFitness);
            Assert.Contains(hallOfFame, h => h.Fitness == island.BestFitness);
        });
    }
}
