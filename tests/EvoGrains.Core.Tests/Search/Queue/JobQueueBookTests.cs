using EvoGrains.Core.Search.Queue;

namespace EvoGrains.Core.Tests.Search.Queue;

public sealed class JobQueueBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Job(string Id, int LeaseSeconds = 30, string Kind = "search");

    private static JobQueueBook<Job, double> Book(int remembered = 100) =>
        new(job => job.Id, job => TimeSpan.FromSeconds(job.LeaseSeconds), remembered);

    private static Job[] Jobs(int count) => Enumerable.Range(0, count).Select(i => new Job($"job-{i}")).ToArray();

    [Fact]
    public void Leases_come_in_batches_in_order_and_a_completion_counts_once()
    {
        var book = Book();
        book.Enqueue(Jobs(5));

        var first = book.Lease("t1", 3, Start);
        Assert.Equal(["job-0", "job-1", "job-2"], first.Select(l => l.Job.Id));
        Assert.All(first, l => Assert.Equal(Start + TimeSpan.FromSeconds(30), l.ExpiresAt));
        Assert.Equal(["job-1"], book.Heartbeat("t1", ["job-1", "job-3"], Start));
        Assert.Empty(book.Heartbeat("t2", ["job-1"], Start));

        Assert.Equal(first[0].Job, book.Complete("job-0", 0.5, 1, Start + TimeSpan.FromSeconds(4)));
        Assert.Null(book.Complete("job-0", 0.5, 1, Start));
        Assert.Equal(["job-3", "job-4"], book.Lease("t1", 3, Start).Select(l => l.Job.Id));

        Assert.Equal(1, book.Counters.Completed);
        Assert.Equal(1, book.Counters.DuplicateCompletions);
        Assert.Equal(4, book.Counters.BusySeconds);
        Assert.Equal(4, book.Leased);
        Assert.Equal(0, book.Queued);
    }

    [Fact]
    public void A_completed_job_enqueued_again_is_answered_with_its_outcome_and_not_queued()
    {
        var book = Book();
        book.Enqueue(Jobs(1));
        book.Lease("t1", 1, Start);
        book.Complete("job-0", 0.75, 2, Start);

        var (known, added) = book.Enqueue([.. Jobs(2)]);

        Assert.Equal(0.75, Assert.Single(known).Outcome);
        Assert.Equal(1, added);
        Assert.Equal(2, book.Counters.Enqueued);
        Assert.Equal(0, book.Enqueue(Jobs(2)).Added);
    }

    [Fact]
    public void An_expired_lease_goes_back_to_the_front_and_the_first_result_wins()
    {
        var book = Book();
        book.Enqueue([new Job("slow", LeaseSeconds: 1), new Job("next")]);
        Assert.Equal(1, Assert.Single(book.Lease("silent", 1, Start)).Attempt);

        Assert.Equal(0, book.ExpireLeases(Start + TimeSpan.FromMilliseconds(900)));
        Assert.Equal(1, book.ExpireLeases(Start + TimeSpan.FromSeconds(2)));

        var again = book.Lease("t2", 1, Start + TimeSpan.FromSeconds(2));
        Assert.Equal(("slow", 2), (again[0].Job.Id, again[0].Attempt));
        Assert.Empty(book.Heartbeat("silent", ["slow"], Start));
        Assert.NotNull(book.Complete("slow", 0.5, 1, Start + TimeSpan.FromSeconds(3)));
        Assert.Null(book.Complete("slow", 0.4, 1, Start + TimeSpan.FromSeconds(3)));
        Assert.Equal(1, book.Counters.Requeued);
        Assert.Equal(1, book.Counters.DuplicateCompletions);
    }

    [Fact]
    public void A_heartbeat_extends_the_lease_past_its_first_expiry()
    {
        var book = Book();
        book.Enqueue([new Job("a", LeaseSeconds: 2)]);
        book.Lease("t1", 1, Start);
        book.Heartbeat("t1", ["a"], Start + TimeSpan.FromSeconds(1.5));

        Assert.Equal(0, book.ExpireLeases(Start + TimeSpan.FromSeconds(3)));
        Assert.Equal(1, book.ExpireLeases(Start + TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void Released_leases_go_back_to_the_front_in_their_order_and_only_their_holder_releases_them()
    {
        var book = Book();
        book.Enqueue(Jobs(4));
        book.Lease("t1", 2, Start);

        Assert.Equal(0, book.Release("t2", ["job-0"]));
        Assert.Equal(2, book.Release("t1", ["job-0", "job-1"]));

        Assert.Equal(["job-0", "job-1", "job-2", "job-3"], book.Lease("t2", 9, Start).Select(l => l.Job.Id));
        Assert.Equal(2, book.Counters.Released);
    }

    [Fact]
    public void Dropping_removes_waiting_and_leased_jobs_of_the_kind_names_the_running_ones_and_ignores_their_late_results()
    {
        var book = Book();
        book.Enqueue([new Job("s1"), new Job("f1", Kind: "final"), new Job("s2"), new Job("s3")]);
        book.Lease("t1", 1, Start);

        Assert.Equal([("s1", "t1")], book.Drop(job => job.Kind == "search"));

        Assert.Equal(0, book.Leased);
        Assert.Equal(1, book.Queued);
        Assert.Equal(["f1"], book.Lease("t2", 9, Start).Select(l => l.Job.Id));
        Assert.Null(book.Complete("s1", 0.5, 1, Start));
        Assert.Null(book.Complete("s2", 0.5, 1, Start));
        Assert.Empty(book.Heartbeat("t1", ["s1"], Start));
        Assert.Equal(0, book.Counters.Completed);
    }

    [Fact]
    public void Idle_trainers_are_woken_oldest_first_one_per_new_job()
    {
        var book = Book();
        Assert.Empty(book.Lease("t1", 2, Start));
        Assert.Empty(book.Lease("t2", 2, Start));
        Assert.Empty(book.Lease("t1", 2, Start));
        Assert.Empty(book.Lease("t3", 0, Start));

        var (_, added) = book.Enqueue(Jobs(1));

        Assert.Equal(["t1"], book.TakeIdleTrainers(added));
        Assert.Single(book.Lease("t2", 1, Start));
        Assert.Empty(book.TakeIdleTrainers(5));
    }

    [Fact]
    public void Restored_open_jobs_wait_again_and_keep_their_attempts_and_counters()
    {
        var book = Book();
        book.Enqueue(Jobs(3));
        book.Lease("t1", 2, Start);

        var restored = new JobQueueBook<Job, double>(job => job.Id, job => TimeSpan.FromSeconds(job.LeaseSeconds), 100, book.OpenJobs, book.Counters);

        Assert.Equal(3, restored.Queued);
        Assert.Equal(3, restored.Counters.Enqueued);
        Assert.Equal([2, 2, 1], restored.Lease("t2", 3, Start).Select(l => l.Attempt));
    }

    [Fact]
    public void Only_the_most_recent_outcomes_are_remembered()
    {
        var book = Book(remembered: 2);
        book.Enqueue(Jobs(3));
        book.Lease("t1", 3, Start);
        foreach (var id in new[] { "job-0", "job-1", "job-2" })
        {
            book.Complete(id, 1, 1, Start);
        }

        Assert.Equal(["job-1", "job-2"], book.Enqueue(Jobs(3)).Known.Select(k => k.Job.Id));
    }
}
