using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Errors that will not go away on retry fail the job at once, and a search whose every trainer hits one fails.</summary>
[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class PermanentFailureTests(MemorySearchClusterFixture fixture)
{
    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_its_result_says_so()
    {
        var searchId = $"permanent-{Guid.NewGuid():N}";
        var dataPath = $"/gone/{searchId}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        var job = new EvaluationJob("job-0", searchId, JobKind.Final, "ce", LossText.From(LossZoo.CrossEntropy), 10, 0, 30);
        await queue.EnqueueManyAsync([job]);
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0));

        await trainer.StartAsync(new TrainerAssignment(searchId, new EvaluationSpec { Evaluator = "training", DataPath = dataPath }, 30));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await queue.GetStatisticsAsync()).Completed < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not complete within 20s");
            await Task.Delay(100);
        }

        await trainer.StopAsync();
        var outcome = (await queue.EnqueueManyAsync([job]))[job.JobId];
        Assert.Equal((EvaluationStatus.Failed, true), (outcome.Status, outcome.Permanent));
        Assert.Contains($"{dataPath}/train-images-idx3-ubyte.gz: file not found", outcome.Failure, StringComparison.Ordinal);
        Assert.Equal(1, BrokenDeviceEvaluatorFactory.Runs[dataPath]);
    }

    [Fact]
    public async Task A_search_whose_data_vanished_after_the_start_check_ends_Failed_with_the_reason()
    {
        var searchId = $"vanished-{Guid.NewGuid():N}";
        var dataPath = $"/gone/{searchId}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var spec = TestSpecs.Synthetic("vanished", 200, delayMs: 0, trainers: 2) with
        {
            Evaluation = new EvaluationSpec { Evaluator = "training", DataPath = dataPath },
        };

        Assert.Equal(SearchState.Running, (await search.StartAsync(spec)).State);
        var snapshots = new List<SearchStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var status in search.WatchAsync(timeout.Token))
        {
            snapshots.Add(status);
        }

        var final = snapshots[^1];
        Assert.Equal(SearchState.Failed, final.State);
        Assert.Equal($"PermanentEvaluationException: {dataPath}/train-images-idx3-ubyte.gz: file not found", final.Failure);
        Assert.NotNull(final.EndedAt);
        Assert.True(final.EvaluationsDone < 200, $"{final.EvaluationsDone} evaluations: the search should stop early");
        Assert.Equal(final.Failure, (await search.GetStatusAsync()).Failure);

        // Ended like a cancel: the queue dropped the search's jobs and the islands stopped, so once no trainer holds a job
        // and every island answered a poke, poking them again plans nothing and the queue sees no new job.
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await SearchAssertions.WaitUntilQueueAsync(queue, q => q.Leased == 0, TimeSpan.FromSeconds(30));
        await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        var enqueued = (await queue.GetStatisticsAsync()).Enqueued;
        await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        Assert.Equal(enqueued, (await queue.GetStatisticsAsync()).Enqueued);

        var listed = await fixture.Client.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey).ListAsync();
        Assert.Contains(listed, s => s.SearchId == searchId && s.State == SearchState.Failed);
    }
}
