using System.Diagnostics;

namespace EvoGrains.Grains.Tests;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Every_commit_waits_for_a_write_that_began_after_it()
    {
        var changes = 0;
        var written = 0;
        var commit = new GroupCommit(
            async () =>
            {
                written = changes;
                await Task.Delay(1);
            },
            TimeSpan.FromMilliseconds(10));
        var random = new Random(7);

        // Pauses around the spacing make commits land before, at and after it ends.
        for (var i = 0; i < 150; i++)
        {
            var change = ++changes;
            await commit.CommitAsync();
            Assert.True(written >= change, $"commit {change} returned but the last write saw only change {written}");
            await Task.Delay(random.Next(0, 14));
        }
    }

    [Fact]
    public Task Commits_that_arrive_during_a_write_share_the_one_write_after_it() => OnGrainScheduler(async () =>
    {
        var release = new TaskCompletionSource();
        var writes = new List<int>();
        var changes = 0;
        var commit = new GroupCommit(async () =>
        {
            writes.Add(changes);
            if (writes.Count == 1)
            {
                await release.Task;
            }
        });

        changes = 1;
        var first = commit.CommitAsync();
        var waiting = new List<Task>();
        for (var i = 0; i < 50; i++)
        {
            changes++;
            waiting.Add(commit.CommitAsync());
        }

        Assert.Single(writes);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));
        release.SetResult();
        await Task.WhenAll(waiting.Append(first));

        // 51 changes, two writes: the running one and the one every later caller shares, which saw them all.
        Assert.Equal([1, 51], writes);
        Assert.True(waiting.Distinct().Count() == 1, "the waiting callers got different tasks");
    });

    [Fact]
    public Task Writes_never_overlap_and_start_at_least_the_spacing_apart() => OnGrainScheduler(async () =>
    {
        var spacing = TimeSpan.FromMilliseconds(20);
        var inside = 0;
        var overlaps = 0;
        var starts = new List<long>();
        var commit = new GroupCommit(
            async () =>
            {
                overlaps += inside;
                inside++;
                starts.Add(Stopwatch.GetTimestamp());
                await Task.Delay(3);
                inside--;
            },
            spacing);
        var random = new Random(3);

        var pending = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            pending.Add(commit.CommitAsync());
            if (random.Next(4) == 0)
            {
                await Task.Delay(random.Next(0, 8));
            }
        }

        await Task.WhenAll(pending);

        Assert.Equal(0, overlaps);
        Assert.InRange(starts.Count, 2, 200);
        var gaps = starts.Zip(starts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();
        // Timers run on the kernel's coarse monotonic clock (4 ms ticks at HZ=250), so a delay can end up to a
        // tick early against the Stopwatch; without the spacing, writes would start one 3 ms write apart.
        Assert.All(gaps, gap => Assert.True(gap >= spacing - TimeSpan.FromMilliseconds(5), $"writes started {gap.TotalMilliseconds:F2} ms apart"));
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public Task A_failed_write_fails_exactly_its_callers_and_the_next_commit_writes_again(int failingWrite) => OnGrainScheduler(async () =>
    {
        var release = new TaskCompletionSource();
        var attempts = 0;
        var commit = new GroupCommit(async () =>
        {
            attempts++;
            if (attempts == 1)
            {
                // Held open so the later callers queue behind it.
                await release.Task;
            }

            if (attempts == failingWrite)
            {
                throw new InvalidOperationException("etag conflict");
            }
        });

        var first = commit.CommitAsync();
        var shared = Enumerable.Range(0, 5).Select(_ => commit.CommitAsync()).ToList();
        release.SetResult();

        // The running write's failure reaches its own caller only; the queued write still runs after it.
        await AssertOutcome(first, fails: failingWrite == 1);
        foreach (var caller in shared)
        {
            await AssertOutcome(caller, fails: failingWrite == 2);
        }

        Assert.Equal(2, attempts);

        // Nothing is left stuck behind a failure: the next commit starts a fresh write.
        await commit.CommitAsync();
        Assert.Equal(3, attempts);
    });

    private static async Task AssertOutcome(Task commit, bool fails)
    {
        if (fails)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => commit);
            Assert.Equal("etag conflict", error.Message);
        }
        else
        {
            await commit;
        }
    }

    /// <summary>GroupCommit is used only on a grain's scheduler: one turn at a time, as this exclusive scheduler runs them.</summary>
    private static Task OnGrainScheduler(Func<Task> test) =>
        Task.Factory.StartNew(test, CancellationToken.None, TaskCreationOptions.None, new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler).Unwrap();
}
