using System.Runtime.CompilerServices;
using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>
/// Progress on a pipe (not an interactive terminal): a line when the search progressed, at most one per interval,
/// and the end always; a drifting rate or ETA is no news. Snapshots arrive once a second on a manual clock.
/// </summary>
public sealed class ProgressThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_steady_run_prints_one_line_per_interval_and_the_end()
    {
        // 120 s of one evaluation a second, then the final stage and the end: 122 snapshots.
        var snapshots = Enumerable.Range(0, 120).Select(i => Running(done: i, best: 0.5 + i / 1000.0))
            .Append(Running(120, 0.62) with { State = SearchState.FinalStage, FinalJobsTotal = 8 })
            .Append(Running(120, 0.62) with { State = SearchState.Completed, FinalJobsDone = 8, FinalJobsTotal = 8 });

        var lines = await Follow(snapshots, json: false);

        // t = 0, 10, ..., 110, the final stage at t = 120 and the end at t = 121 (the end always).
        Assert.Equal(14, lines.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Running    {i * 10}/200 done"), lines.Take(12).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
        Assert.StartsWith("FinalStage 120/200 done", lines[^2], StringComparison.Ordinal);
        Assert.StartsWith("Completed  120/200 done", lines[^1], StringComparison.Ordinal);
        Assert.Contains(", final stage 8/8 trainings", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_that_only_drift_print_nothing_and_a_change_after_them_prints_at_once()
    {
        var rng = new Random(1);
        // One snapshot, then 60 s where only the rate, in-flight count and steps move, then one more evaluation.
        var idle = Enumerable.Range(0, 60).Select(_ => Running(5, 0.7) with { EvaluationsPerMinute = rng.NextDouble() * 100, InFlight = rng.Next(4), TrainingSteps = rng.Next(1000) });
        var snapshots = idle.Prepend(Running(5, 0.7)).Append(Running(6, 0.7)).Append(Running(6, 0.7) with { State = SearchState.Cancelled });

        var lines = await Follow(snapshots, json: false);

        Assert.Equal(["Running    5/200", "Running    6/200", "Cancelled  6/200"], lines.Select(l => l[..l.IndexOf(" done", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Every_kind_of_news_counts_as_a_change()
    {
        var start = Running(5, 0.7);
        SearchStatus[] changes =
        [
            start with { State = SearchState.Paused },
            start with { EvaluationsDone = 6 },
            start with { BestFitness = 0.71 },
            start with { State = SearchState.FinalStage, FinalJobsDone = 1, FinalJobsTotal = 4 },
        ];
        Assert.All(changes, change => Assert.True(change.ProgressedSince(start), change.ToString()));
        Assert.False((start with { EvaluationsPerMinute = 99, InFlight = 3, TrainingSteps = 7 }).ProgressedSince(start));
        Assert.False((start with { BestFitness = double.NaN }).ProgressedSince(start with { BestFitness = double.NaN }));

        // Interval 0: every change is a line, every non-change is not.
        var lines = await Follow([start, start, .. changes, changes[^1]], json: false, interval: TimeSpan.Zero);
        Assert.Equal(1 + changes.Length, lines.Count);
    }

    [Fact]
    public async Task Json_progress_is_one_status_object_per_line()
    {
        var snapshots = Enumerable.Range(0, 25).Select(i => Running(i, 0.5 + i / 100.0))
            .Append(Running(25, 0.75) with { State = SearchState.Completed, EndedAt = DateTimeOffset.UnixEpoch });

        var lines = await Follow(snapshots, json: true);

        Assert.Equal(4, lines.Count);
        var objects = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([0L, 10, 20, 25], objects.Select(o => o.GetProperty("evaluationsDone").GetInt64()));
        Assert.Equal(["running", "running", "running", "completed"], objects.Select(o => o.GetProperty("state").GetString()));
        Assert.All(objects, o => StatusJson.AssertShape(o));
    }

    private static async Task<List<string>> Follow(IEnumerable<SearchStatus> snapshots, bool json, TimeSpan? interval = null)
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var last = await SearchProgressView.FollowAsync(
            OneASecond(snapshots, clock),
            new CliConsole(output, TextWriter.Null),
            new ProgressOutput(json, interval ?? Interval) { Clock = clock },
            CancellationToken.None);
        Assert.NotNull(last);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static async IAsyncEnumerable<SearchStatus> OneASecond(IEnumerable<SearchStatus> snapshots, ManualClock clock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var snapshot in snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
    }

    private static SearchStatus Running(long done, double best) =>
        new SearchStatus { SearchId = "s-1", Name = "unit", State = SearchState.Running, EvaluationsDone = done, MaxEvaluations = 200, InFlight = 4, RejectedByScreening = 0, Deduplicated = 0, LateResults = 0, EvaluationsPerMinute = 60 + done % 7, BestFitness = best, BestExpression = "-log(p)", Islands = [], Trainers = 2, TrainerUtilisation = 0.9, FinalJobsDone = 0, FinalJobsTotal = 0, StartedAt = DateTimeOffset.UnixEpoch, EndedAt = null };
}
