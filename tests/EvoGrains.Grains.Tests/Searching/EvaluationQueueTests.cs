using System.Text.Json;
using EvoGrains.Abstractions;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Tests.Searching;

[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class EvaluationQueueTests(MemorySearchClusterFixture fixture)
{
    private const int LeaseSeconds = 1;

    [Fact]
    public async Task Two_islands_requesting_the_same_hash_train_it_once()
    {
        var searchId = $"dedup-{Guid.NewGuid():N}";
        var loss = LossZoo.Get("focal");
        var ticket = new CandidateTicket(loss.HashHex, new TreeGenome(loss.Element).Encode(), LossText.From(loss), loss.ToString(), "random", []);
        var individual = fixture.Client.GetGrain<IIndividualGrain>(GrainKeys.Individual(searchId, loss.HashHex));
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);

        var first = await individual.RequestEvaluationAsync(new EvaluationRequest(ticket, GrainKeys.Island(searchId, 0), 1, LeaseSeconds));
        var second = await individual.RequestEvaluationAsync(new EvaluationRequest(ticket, GrainKeys.Island(searchId, 1), 1, LeaseSeconds));
        Assert.Null(first.Outcome);
        Assert.False(first.Shared);
        Assert.Null(second.Outcome);
        Assert.True(second.Shared);

        // Both islands enqueue the job they were handed, as islands do; the queue keeps one.
        Assert.Equal(first.Job, second.Job);
        await queue.EnqueueManyAsync([first.Job!, second.Job!]);
        Assert.Equal(1, (await queue.GetStatisticsAsync()).Enqueued);

        var trainer = fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0));
        await trainer.StartAsync(Assignment(searchId));
        await WaitAsync(async () => await individual.GetOutcomeAsync() is not null);
        var third = await individual.RequestEvaluationAsync(new EvaluationRequest(ticket, GrainKeys.Island(searchId, 2), 1, LeaseSeconds));
        await trainer.StopAsync();

        Assert.NotNull(third.Outcome);
        Assert.True(third.Shared);
        Assert.Null(third.Job);
        var statistics = await queue.GetStatisticsAsync();
        Assert.Equal(1, statistics.Enqueued);
        Assert.Equal(1, statistics.Completed);
        Assert.Equal(0, statistics.DuplicateCompletions);
    }

    [Fact]
    public async Task A_job_whose_trainer_never_completes_is_requeued_and_completed_by_another()
    {
        var searchId = $"lease-{Guid.NewGuid():N}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        var job = new EvaluationJob("job-1", searchId, JobKind.Final, "ce", LossText.From(LossZoo.CrossEntropy), 10, 1, LeaseSeconds);
        const string silentTrainer = "silent";

        Assert.Null(await EnqueueAsync(queue, job));
        var lease = Assert.Single(await queue.CompleteAndLeaseAsync(silentTrainer, [], wanted: 1));
        Assert.Equal(1, lease.Attempt);

        var trainerKey = GrainKeys.Trainer(searchId, 0);
        await fixture.Client.GetGrain<ITrainerGrain>(trainerKey).StartAsync(Assignment(searchId));
        await WaitAsync(async () => (await queue.GetStatisticsAsync()).Completed == 1);
        await fixture.Client.GetGrain<ITrainerGrain>(trainerKey).StopAsync();

        var outcome = await EnqueueAsync(queue, job);
        Assert.NotNull(outcome);
        Assert.Equal(trainerKey, outcome.TrainerId);
        Assert.Empty(await queue.HeartbeatAsync(silentTrainer, [job.JobId]));
        Assert.Empty(await queue.CompleteAndLeaseAsync(silentTrainer, [new JobResult(job.JobId, outcome with { TrainerId = silentTrainer })], wanted: 1));
        var statistics = await queue.GetStatisticsAsync();
        Assert.Equal(1, statistics.Requeued);
        Assert.Equal(1, statistics.Completed);
        Assert.Equal(1, statistics.DuplicateCompletions);
    }

    [Fact]
    public async Task A_released_lease_goes_back_to_the_front_of_the_queue()
    {
        var searchId = $"release-{Guid.NewGuid():N}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        var loss = LossText.From(LossZoo.CrossEntropy);
        await queue.EnqueueManyAsync([
            new EvaluationJob("a", searchId, JobKind.Final, "ce", loss, 10, 1, 30),
            new EvaluationJob("b", searchId, JobKind.Final, "ce", loss, 10, 2, 30)]);

        var leased = Assert.Single(await queue.CompleteAndLeaseAsync("t1", [], wanted: 1));
        Assert.Equal("a", leased.Job.JobId);
        await queue.ReleaseAsync("t1", ["a"]);

        Assert.Equal(["a", "b"], (await queue.CompleteAndLeaseAsync("t2", [], wanted: 5)).Select(l => l.Job.JobId));
        Assert.Equal(1, (await queue.GetStatisticsAsync()).Released);
    }

    [Fact]
    public async Task A_deactivating_trainer_releases_its_lease_at_once()
    {
        var searchId = $"shutdown-{Guid.NewGuid():N}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await EnqueueAsync(queue, new EvaluationJob("slow", searchId, JobKind.Final, "ce", LossText.From(LossZoo.CrossEntropy), 10, 1, LeaseSeconds: 60));
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0));
        await trainer.StartAsync(Assignment(searchId, delayMs: 30_000, leaseSeconds: 60));
        await WaitAsync(async () => (await queue.GetStatisticsAsync()).Leased == 1);

        await fixture.Cluster.DeactivateAsync(trainer.GetGrainId());

        // The release may race the lease reply when deactivation comes that early; either path hands the job back.
        await WaitAsync(async () => (await queue.GetStatisticsAsync()).Released == 1);

        var statistics = await queue.GetStatisticsAsync();
        Assert.Equal(1, statistics.Released);
        Assert.Equal(1, statistics.Queued);
        Assert.Equal(0, statistics.Leased);
    }

    [Fact]
    public async Task A_trainer_whose_device_keeps_failing_is_benched_and_hands_its_job_back()
    {
        var searchId = $"breaker-{Guid.NewGuid():N}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await queue.EnqueueManyAsync(CrossEntropyJobs(searchId, 4));
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0));
        var broken = new TrainerAssignment(searchId, new EvaluationSpec { Evaluator = "training" }, 30);

        await trainer.StartAsync(broken);
        await WaitAsync(async () => (await queue.GetStatisticsAsync()) is { Released: 1, Leased: 0 });
        var benched = await queue.GetStatisticsAsync();
        await trainer.StopAsync();

        // Job 0 used up its retries and failed as a candidate; job 1 opened the breaker and went back. The benched trainer
        // held nothing and took nothing more until it stopped.
        var statistics = await queue.GetStatisticsAsync();
        Assert.Equal((benched.Enqueued, benched.Completed, benched.Released, benched.Requeued, 0), (statistics.Enqueued, statistics.Completed, statistics.Released, statistics.Requeued, statistics.Leased));
        Assert.Equal(1, statistics.Completed);
        Assert.Equal(3, statistics.Queued);
        var failed = await EnqueueAsync(queue, CrossEntropyJobs(searchId, 1)[0]);
        Assert.Equal(EvaluationStatus.Failed, failed?.Status);
        Assert.Contains(BrokenDeviceEvaluatorFactory.Failure, failed?.Failure, StringComparison.Ordinal);
        Assert.False(failed?.Permanent, "a broken device is transient: retried, and not held against the search");
    }

    [Fact]
    public async Task Leases_come_in_batches_in_order_and_a_completion_counts_once()
    {
        var searchId = $"batch-{Guid.NewGuid():N}";
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await queue.EnqueueManyAsync(CrossEntropyJobs(searchId, 5));

        var first = await queue.CompleteAndLeaseAsync("t1", [], wanted: 3);
        Assert.Equal(["job-0", "job-1", "job-2"], first.Select(l => l.Job.JobId));
        Assert.Equal(["job-1"], await queue.HeartbeatAsync("t1", ["job-1", "job-3"]));

        var done = first.Select(l => new JobResult(l.Job.JobId, new EvaluationResult(0.5, EvaluationStatus.Completed, 0.01) { TrainerId = "t1" })).ToList();
        var second = await queue.CompleteAndLeaseAsync("t1", done, wanted: 3);
        Assert.Equal(["job-3", "job-4"], second.Select(l => l.Job.JobId));
        await queue.CompleteAndLeaseAsync("t2", done.Take(1).ToList(), wanted: 0);

        var statistics = await queue.GetStatisticsAsync();
        Assert.Equal(3, statistics.Completed);
        Assert.Equal(1, statistics.DuplicateCompletions);
        Assert.Equal(2, statistics.Leased);
        Assert.Equal(0, statistics.Queued);
        Assert.Equal(0.5, (await EnqueueAsync(queue, first[0].Job))?.Fitness);
        Assert.Equal(5, (await queue.GetStatisticsAsync()).Enqueued);
    }

    /// <summary>Final-stage CE jobs "job-0".. with seeds 0.. and a 30 s lease.</summary>
    private static List<EvaluationJob> CrossEntropyJobs(string searchId, int count) =>
        Enumerable.Range(0, count).Select(i => new EvaluationJob($"job-{i}", searchId, JobKind.Final, "ce", LossText.From(LossZoo.CrossEntropy), 10, i, 30)).ToList();

    private static async Task<EvaluationResult?> EnqueueAsync(IEvaluationQueueGrain queue, EvaluationJob job) =>
        (await queue.EnqueueManyAsync([job])).GetValueOrDefault(job.JobId);

    private static TrainerAssignment Assignment(string searchId, int delayMs = 20, int leaseSeconds = LeaseSeconds) =>
        new(searchId, new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = delayMs }, leaseSeconds);

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20s");
            await Task.Delay(100);
        }
    }
}
