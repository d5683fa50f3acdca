using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Trainers;

namespace EvoGrains.Grains.Tests.Trainers;

public sealed class JobBatchTests
{
    [Fact]
    public async Task Consecutive_jobs_with_one_steps_and_seed_form_packs_of_at_most_the_pack_size()
    {
        var leases = new[] { Lease("a", 0, 1), Lease("b", 0, 1), Lease("c", 0, 1), Lease("d", 0, 2), Lease("e", 400, 2), Lease("f", 400, 2) };
        using var batch = new JobBatch(leases, "t", packSize: 2);
        var packs = new List<string[]>();

        await batch.RunAsync((jobs, candidates, _) =>
        {
            packs.Add(jobs.Select(j => j.JobId).ToArray());
            return Task.FromResult(Score(candidates));
        });

        Assert.Equal([["a", "b"], ["c"], ["d"], ["e", "f"]], packs);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], batch.Results.Select(r => r.JobId));
        Assert.All(batch.Results, r => Assert.Equal("t", r.Outcome.TrainerId));
        Assert.Empty(batch.Unfinished);
    }

    [Fact]
    public async Task A_job_withdrawn_mid_pack_is_frozen_and_reported_by_nobody_while_its_packmates_finish()
    {
        var leases = new[] { Lease("a", 0, 1), Lease("b", 0, 1), Lease("c", 0, 1) };
        using var batch = new JobBatch(leases, "t", packSize: 3);
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        IReadOnlyList<EvaluationCandidate>? seen = null;

        var running = batch.RunAsync(async (_, candidates, _) =>
        {
            seen = candidates;
            started.SetResult();
            await release.Task;
            return Score(candidates);
        });
        await started.Task;
        Assert.Equal(["a", "b", "c"], batch.Unfinished);
        batch.Withdraw("b");
        release.SetResult();
        await running;

        Assert.True(seen![1].Withdrawn.IsCancellationRequested);
        Assert.False(seen[0].Withdrawn.IsCancellationRequested);
        Assert.Equal(["a", "c"], batch.Results.Select(r => r.JobId));
    }

    [Fact]
    public async Task A_pack_whose_evaluation_throws_fails_each_of_its_jobs_with_the_reason()
    {
        using var batch = new JobBatch([Lease("a", 0, 1), Lease("b", 0, 1), Lease("c", 0, 2)], "t", packSize: 4);

        await batch.RunAsync((jobs, candidates, _) =>
            jobs[0].Seed == 1 ? throw new InvalidOperationException("device lost") : Task.FromResult(Score(candidates)));

        Assert.Equal(["a", "b", "c"], batch.Results.Select(r => r.JobId));
        Assert.All(batch.Results.Take(2), r => Assert.Equal((EvaluationStatus.Failed, "InvalidOperationException: device lost"), (r.Outcome.Status, r.Outcome.Failure)));
        Assert.Equal(EvaluationStatus.Completed, batch.Results[2].Outcome.Status);
    }

    private static IReadOnlyList<EvaluationResult> Score(IReadOnlyList<EvaluationCandidate> candidates) =>
        candidates.Select(c => new EvaluationResult(0.5, EvaluationStatus.Completed, 0.1)).ToList();

    private static JobLease Lease(string id, int steps, int seed) =>
        new(new EvaluationJob(id, "s", JobKind.Search, id, LossText.From(LossZoo.Get("ce")), steps, seed, 30), 1, DateTimeOffset.UtcNow.AddMinutes(1));
}
