using System.Diagnostics;
using System.Globalization;
using System.Text;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.FaultInjection.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EvoGrains.FaultInjection.Tests;

/// <summary>
/// Kills real silo processes (SIGKILL) under a running search on Redis clustering + Redis storage and
/// checks the search finishes with every evaluation counted exactly once. Measurements go to the test
/// output and to fault-injection.md (see <see cref="FaultReport"/> for where).
/// </summary>
[Trait("Category", "Fault")]
public sealed class SiloFaultTests(ITestOutputHelper output)
{
    private const int Budget = 120;
    private const int Islands = 3;
    private const int Trainers = 2;
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(40);

    private readonly Stopwatch clock = Stopwatch.StartNew();

    [Fact]
    public async Task A_search_survives_killing_its_search_silo_then_its_trainer_silo()
    {
        // Trainers only on the GPU silo (silo 0): killing it stops all training until a replacement joins.
        await using var cluster = await ProcessCluster.StartAsync(3, allowCpuTrainers: false);
        Log($"cluster up: {string.Join(", ", cluster.Silos)}");
        try
        {
            var client = await cluster.ConnectAsync();
            var searchId = $"faults-a-{Guid.NewGuid():N}"[..20];
            var search = client.GetGrain<ISearchGrain>(searchId);
            await search.StartAsync(Spec("faults-a", allowCpu: false));
            await WaitAsync(search, s => s.EvaluationsDone >= 20, RecoveryTimeout, "the first 20 evaluations");

            // 1. The silo hosting the SearchGrain.
            var searchHost = cluster.SiloAt(await ProcessCluster.HostOfAsync(client, search))
                ?? throw new InvalidOperationException("the directory does not know where the search grain is");
            var measurements = new List<FaultMeasurement>
            {
                // A replacement is needed at once only when the victim is the one GPU silo (no trainer could run otherwise).
                await KillAndMeasureAsync(cluster, client, search, searchId, searchHost, "search grain's silo", restartAtOnce: searchHost.IsGpu),
            };
            // Its replacement joins in the background while the search goes on (it is needed by the end only).
            var replacement = searchHost.IsRunning ? Task.CompletedTask : cluster.RestartAsync(searchHost.Index);

            // 2. The silo hosting the trainers (the GPU silo), soon after, while the search is mid-way.
            var progress = (await search.GetStatusAsync()).EvaluationsDone;
            await WaitAsync(search, s => s.EvaluationsDone >= progress + 5, RecoveryTimeout, "5 more evaluations");
            var trainerHost = cluster.SiloAt(await ProcessCluster.HostOfAsync(client, client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0))))
                ?? cluster.Silos[0];
            Assert.True(trainerHost.IsGpu, $"trainer 0 runs on {trainerHost}, not on the GPU silo");
            measurements.Add(await KillAndMeasureAsync(cluster, client, search, searchId, trainerHost, "trainer silo", restartAtOnce: true));
            await replacement;
            Log($"replacement for {searchHost} ready");

            var done = await WaitAsync(search, s => s.IsTerminal, Remaining(), "completion");
            Assert.Equal(SearchState.Completed, done.State);
            var lost = await AssertCountedOnceAsync(search, measurements);
            measurements = lost;
            Report("scenario-a", "A: kill the search grain's silo, then the trainer (GPU) silo", measurements, done);
            Assert.All(measurements, m => Assert.Equal(0, m.RecordedBeforeKillLost));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log($"FAILED after {clock.Elapsed.TotalSeconds:F1} s: {ex.Message}{Environment.NewLine}{cluster.Diagnostics()}");
            throw;
        }
    }

    [Fact]
    public async Task A_search_resumes_from_redis_after_the_whole_cluster_is_killed_and_replaced()
    {
        await using var cluster = await ProcessCluster.StartAsync(3, allowCpuTrainers: true);
        Log($"cluster up: {string.Join(", ", cluster.Silos)}");
        try
        {
            var client = await cluster.ConnectAsync();
            var searchId = $"faults-b-{Guid.NewGuid():N}"[..20];
            var search = client.GetGrain<ISearchGrain>(searchId);
            await search.StartAsync(Spec("faults-b", allowCpu: true));
            await WaitAsync(search, s => s.EvaluationsDone >= 30, RecoveryTimeout, "the first 30 evaluations");

            var before = await search.GetStatusAsync();
            var recorded = await RecordedAsync(search);
            var killedAt = clock.Elapsed;
            var killedUtc = DateTimeOffset.UtcNow;
            await Task.WhenAll(cluster.Silos.Select(s => s.KillAsync()));
            Log($"killed all {cluster.Silos.Count} silos (SIGKILL) at {before.EvaluationsDone}/{Budget} evaluations");

            // All replacements at the same instant, as after a node or cluster restart (the silo's membership
            // settings are what make this rejoin quickly; see SiloClustering in EvoGrains.Hosting).
            await Task.WhenAll(cluster.Silos.Select(silo => cluster.RestartAsync(silo.Index)));
            var ready = clock.Elapsed - killedAt;
            Log($"3 replacement silos ready {ready.TotalSeconds:F1} s after the kill");

            // The old client lost every gateway; a fresh one re-pokes the search, which reloads from Redis.
            var fresh = await cluster.ConnectAsync();
            search = fresh.GetGrain<ISearchGrain>(searchId);
            var (firstAnswer, lowest, recovery, trained) = await MeasureRecoveryAsync(search, before.EvaluationsDone, killedAt, killedUtc);
            var measurement = new FaultMeasurement("whole cluster SIGKILL + 3 new silos", "silos 0, 1, 2", "all", before.EvaluationsDone, lowest, firstAnswer, recovery, trained, ready, 0);
            Log(measurement.Row);

            var done = await WaitAsync(search, s => s.IsTerminal, Remaining(), "completion");
            Assert.Equal(SearchState.Completed, done.State);
            var measurements = await AssertCountedOnceAsync(search, [measurement with { RecordedBeforeKillLost = -1 }], [recorded]);
            Report("scenario-b", "B: kill the whole cluster mid-search, start three new silos on the same Redis", measurements, done);
            FaultReport.AppendRow(
                "scenario-b-runs",
                "## B, the last runs: all three replacements started at the same instant\n\n*ready*: from the kill until every replacement answers `/health/ready` (Active in membership).",
                "| run (UTC) | ready (s) | first answer (s) | recovery (s) | first trained after kill (s) |\n| --- | ---: | ---: | ---: | ---: |",
                string.Create(CultureInfo.InvariantCulture, $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} | {ready.TotalSeconds:F1} | {firstAnswer.TotalSeconds:F1} | {recovery.TotalSeconds:F1} | {trained.TotalSeconds:F1} |"),
                keep: 5);
            Assert.All(measurements, m => Assert.Equal(0, m.RecordedBeforeKillLost));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log($"FAILED after {clock.Elapsed.TotalSeconds:F1} s: {ex.Message}{Environment.NewLine}{cluster.Diagnostics()}");
            throw;
        }
    }

    /// <summary>
    /// Kill a CPU silo, then the GPU silo, then all three, start all three together, and call nothing for a minute:
    /// timers die with their silos, so only what a starting silo reads from storage can wake the search.
    /// </summary>
    [Fact]
    public async Task A_search_goes_on_by_itself_after_the_whole_cluster_restarts_with_no_client_call()
    {
        await using var cluster = await ProcessCluster.StartAsync(3, allowCpuTrainers: true);
        Log($"cluster up: {string.Join(", ", cluster.Silos)}");
        try
        {
            var client = await cluster.ConnectAsync();
            var searchId = $"faults-d-{Guid.NewGuid():N}"[..20];
            var search = client.GetGrain<ISearchGrain>(searchId);
            var spec = Spec("faults-d", allowCpu: true);
            await search.StartAsync(spec with { Evaluation = spec.Evaluation with { SyntheticDelayMs = 1000 } });
            await WaitAsync(search, s => s.EvaluationsDone >= 10, RecoveryTimeout, "the first 10 evaluations");

            foreach (var victim in new[] { cluster.Silos[1], cluster.Silos[0] })
            {
                var count = (await search.GetStatusAsync()).EvaluationsDone;
                await victim.KillAsync();
                await cluster.RestartAsync(victim.Index);
                Log($"kill -9 and restart of {victim} at {count}/{Budget} evaluations");
                await WaitAsync(search, s => s.EvaluationsDone >= count + 3 || s.IsTerminal, RecoveryTimeout, $"3 evaluations after restarting {victim}");
            }

            var before = await search.GetStatusAsync();
            Assert.False(before.IsTerminal, "the search ended before the whole cluster was killed");
            var recorded = await RecordedAsync(search);
            await Task.WhenAll(cluster.Silos.Select(s => s.KillAsync()));
            await Task.WhenAll(cluster.Silos.Select(silo => cluster.RestartAsync(silo.Index)));
            var restartedUtc = DateTimeOffset.UtcNow;
            Log($"killed all {cluster.Silos.Count} silos at {before.EvaluationsDone}/{Budget} evaluations and restarted them together; no client call for 60 s");

            await Task.Delay(TimeSpan.FromSeconds(60));

            search = (await cluster.ConnectAsync()).GetGrain<ISearchGrain>(searchId);
            var history = await search.GetHistoryAsync(0, int.MaxValue);
            var trainedUnattended = history.Entries.Count(e => !e.Shared && e.CompletedAt > restartedUtc && e.CompletedAt < restartedUtc.AddSeconds(60));
            Log($"{trainedUnattended} evaluations trained in the 60 s without a client call");
            Assert.True(trainedUnattended >= 5, $"the search trained {trainedUnattended} evaluations in the 60 s after the restart without a client call");

            var done = await WaitAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(90), "completion");
            Assert.Equal(SearchState.Completed, done.State);
            await AssertCountedOnceAsync(search, []);
            Assert.Subset(await RecordedAsync(search), recorded);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log($"FAILED after {clock.Elapsed.TotalSeconds:F1} s: {ex.Message}{Environment.NewLine}{cluster.Diagnostics()}");
            throw;
        }
    }

    [Fact]
    public async Task A_search_loses_nothing_when_its_trainer_silo_is_killed_mid_pack()
    {
        // Trainers only on the GPU silo, leasing packs of 4 jobs (600 ms of work each): the kill lands inside a pack.
        await using var cluster = await ProcessCluster.StartAsync(3, allowCpuTrainers: false);
        Log($"cluster up: {string.Join(", ", cluster.Silos)}");
        try
        {
            var client = await cluster.ConnectAsync();
            var searchId = $"faults-c-{Guid.NewGuid():N}"[..20];
            var search = client.GetGrain<ISearchGrain>(searchId);
            var spec = Spec("faults-c", allowCpu: false);
            await search.StartAsync(spec with { Trainers = spec.Trainers with { PackSize = 4 } });
            await WaitAsync(search, s => s.EvaluationsDone >= 20, RecoveryTimeout, "the first 20 evaluations");

            var trainerHost = cluster.SiloAt(await ProcessCluster.HostOfAsync(client, client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, 0))))
                ?? cluster.Silos[0];
            var measurements = new List<FaultMeasurement> { await KillAndMeasureAsync(cluster, client, search, searchId, trainerHost, "trainer silo mid-pack", restartAtOnce: true) };

            var done = await WaitAsync(search, s => s.IsTerminal, Remaining(), "completion");
            Assert.Equal(SearchState.Completed, done.State);
            measurements = await AssertCountedOnceAsync(search, measurements);
            Report("scenario-c", "C: kill the trainer silo while its trainers train packs of 4", measurements, done);
            Assert.All(measurements, m => Assert.Equal(0, m.RecordedBeforeKillLost));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log($"FAILED after {clock.Elapsed.TotalSeconds:F1} s: {ex.Message}{Environment.NewLine}{cluster.Diagnostics()}");
            throw;
        }
    }

    private static SearchSpec Spec(string name, bool allowCpu) => new()
    {
        Name = name,
        Seed = 11,
        Islands = new IslandSpec
        {
            Count = Islands,
            Methods = ["regularized-evolution", "random", "regularized-evolution"],
            PopulationSize = 8,
            TournamentSize = 3,
            SeedEvaluations = 8,
            InFlight = 2,
        },
        Migration = new MigrationSpec { Every = 10, Count = 1, Topology = "ring" },
        Budget = new BudgetSpec { MaxEvaluations = Budget },
        Evaluation = new EvaluationSpec { Evaluator = "synthetic", SyntheticDelayMs = 150 },
        Trainers = new TrainerSpec { Count = Trainers, AllowCpu = allowCpu, LeaseSeconds = 3 },
        FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 2, Baselines = ["ce"] },
    };

    private readonly List<HashSet<(int Island, string Hash)>> recordedBeforeKills = [];

    private async Task<FaultMeasurement> KillAndMeasureAsync(ProcessCluster cluster, IClusterClient client, ISearchGrain search, string searchId, SiloProcess victim, string fault, bool restartAtOnce)
    {
        var grains = await GrainsOnAsync(cluster, client, search, searchId, victim);
        var before = await search.GetStatusAsync();
        recordedBeforeKills.Add(await RecordedAsync(search));
        var killedAt = clock.Elapsed;
        var killedUtc = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        Log($"kill -9 {victim} ({fault}; hosts {grains}) at {before.EvaluationsDone}/{Budget} evaluations");

        Task<TimeSpan>? replacement = null;
        if (restartAtOnce)
        {
            replacement = Task.Run(async () =>
            {
                await cluster.RestartAsync(victim.Index);
                return clock.Elapsed - killedAt;
            });
        }

        var (firstAnswer, lowest, recovery, trained) = await MeasureRecoveryAsync(search, before.EvaluationsDone, killedAt, killedUtc);
        TimeSpan? ready = replacement is null ? null : await replacement;
        var measurement = new FaultMeasurement(fault, victim.ToString(), grains, before.EvaluationsDone, lowest, firstAnswer, recovery, trained, ready, -1);
        Log(measurement.Row);
        return measurement;
    }

    /// <summary>
    /// Polls from the kill: first successful answer, lowest count seen, recovery (the count grows past
    /// <paramref name="countAtKill"/>) and the first evaluation trained after the kill (a non-shared history entry
    /// completed after it: results already in flight at the kill do not count).
    /// </summary>
    private async Task<(TimeSpan FirstAnswer, long Lowest, TimeSpan Recovery, TimeSpan TrainedAfterKill)> MeasureRecoveryAsync(ISearchGrain search, long countAtKill, TimeSpan killedAt, DateTimeOffset killedUtc)
    {
        TimeSpan? firstAnswer = null;
        TimeSpan? recovery = null;
        var lowest = long.MaxValue;
        string? lastError = null;
        while (clock.Elapsed - killedAt < RecoveryTimeout)
        {
            try
            {
                var status = await search.GetStatusAsync();
                firstAnswer ??= clock.Elapsed - killedAt;
                lowest = Math.Min(lowest, status.EvaluationsDone);
                if (status.EvaluationsDone > countAtKill || status.IsTerminal)
                {
                    recovery ??= clock.Elapsed - killedAt;
                    var history = await search.GetHistoryAsync(0, int.MaxValue);
                    if (history.Entries.Any(e => !e.Shared && e.CompletedAt > killedUtc))
                    {
                        return (firstAnswer.Value, lowest, recovery.Value, clock.Elapsed - killedAt);
                    }

                    if (status.IsTerminal)
                    {
                        throw new ScenarioException("the search ended before any evaluation was trained after the kill");
                    }
                }
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or ScenarioException))
            {
                lastError = $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no recovery within {RecoveryTimeout} of the kill at {countAtKill} evaluations (first answer: {Seconds(firstAnswer)}; count grew: {Seconds(recovery)}; last error: {lastError ?? "none"})");
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s" : "never";

    private static async Task<string> GrainsOnAsync(ProcessCluster cluster, IClusterClient client, ISearchGrain search, string searchId, SiloProcess silo)
    {
        var names = new List<string>();
        if (cluster.SiloAt(await ProcessCluster.HostOfAsync(client, search)) == silo)
        {
            names.Add("search");
        }

        for (var i = 0; i < Islands; i++)
        {
            if (cluster.SiloAt(await ProcessCluster.HostOfAsync(client, client.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, i)))) == silo)
            {
                names.Add($"island {i}");
            }
        }

        for (var i = 0; i < Trainers; i++)
        {
            if (cluster.SiloAt(await ProcessCluster.HostOfAsync(client, client.GetGrain<ITrainerGrain>(GrainKeys.Trainer(searchId, i)))) == silo)
            {
                names.Add($"trainer {i}");
            }
        }

        return names.Count == 0 ? "none of search/islands/trainers" : string.Join(", ", names);
    }

    private static async Task<HashSet<(int Island, string Hash)>> RecordedAsync(ISearchGrain search)
    {
        var page = await search.GetHistoryAsync(0, int.MaxValue);
        return page.Entries.Select(e => (e.Island, e.Hash)).ToHashSet();
    }

    /// <summary>Exactly the budget, each (island, hash) once, indices 0..n-1, hall of fame = best of history; returns the measurements with their lost counts.</summary>
    private async Task<List<FaultMeasurement>> AssertCountedOnceAsync(ISearchGrain search, List<FaultMeasurement> measurements, IReadOnlyList<HashSet<(int, string)>>? recordedBeforeKills = null)
    {
        var history = await search.GetHistoryAsync(0, int.MaxValue);
        var final = history.Entries.Select(e => (e.Island, e.Hash)).ToHashSet();
        var recorded = recordedBeforeKills ?? this.recordedBeforeKills;
        var withLoss = measurements.Select((m, i) => m with { RecordedBeforeKillLost = recorded[i].Count(r => !final.Contains(r)) }).ToList();
        Log($"final history: {history.Total} entries, {final.Count} distinct (island, hash); lost per fault: {string.Join(", ", withLoss.Select(m => m.RecordedBeforeKillLost))}");

        Assert.Equal(Budget, history.Total);
        Assert.Equal(Budget, history.Entries.Count);
        Assert.Equal(Enumerable.Range(0, Budget).Select(i => (long)i), history.Entries.Select(e => e.Index));
        Assert.Equal(Budget, final.Count);

        // One loss per one-hot fingerprint: twins bred on two islands share one training and one hall entry.
        var hallOfFame = await search.GetHallOfFameAsync();
        Assert.NotEmpty(hallOfFame);
        Assert.Equal(hallOfFame.Count, hallOfFame.Select(h => h.Loss.ToLoss().Fingerprint).Distinct().Count());
        Assert.Equal(hallOfFame.OrderByDescending(h => h.Fitness).Select(h => h.Fitness), hallOfFame.Select(h => h.Fitness));
        var bestByFingerprint = history.Entries.GroupBy(e => e.Loss.ToLoss().Fingerprint).ToDictionary(g => g.Key, g => g.Max(e => e.Fitness));
        Assert.All(hallOfFame, h => Assert.Equal(bestByFingerprint[h.Loss.ToLoss().Fingerprint], h.Fitness));
        Assert.Equal(bestByFingerprint.Values.OrderByDescending(f => f).Take(hallOfFame.Count), hallOfFame.Select(h => h.Fitness));
        return withLoss;
    }

    private async Task<SearchStatus> WaitAsync(ISearchGrain search, Func<SearchStatus, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = clock.Elapsed + timeout;
        SearchStatus? last = null;
        string? lastError = null;
        while (clock.Elapsed < deadline)
        {
            try
            {
                last = await search.GetStatusAsync();
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lastError = $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"waiting for {what}: after {timeout} the search is {last?.State.ToString() ?? "unreachable"} with {last?.EvaluationsDone}/{Budget} evaluations, {last?.InFlight} in flight, final jobs {last?.FinalJobsDone}/{last?.FinalJobsTotal} (last error: {lastError ?? "none"})");
    }

    private TimeSpan Remaining()
    {
        var left = ScenarioTimeout - clock.Elapsed;
        return left > TimeSpan.FromSeconds(5) ? left : TimeSpan.FromSeconds(5);
    }

    private void Report(string scenario, string title, IReadOnlyList<FaultMeasurement> measurements, SearchStatus done)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores. Budget {Budget} evaluations, {Islands} islands, {Trainers} trainers, synthetic 150 ms, lease 3 s, trainers only on the GPU silo in A (allowCpu false), anywhere in B. Search completed with {done.EvaluationsDone} evaluations (late results {done.LateResults}, deduplicated {done.Deduplicated}); scenario wall time {clock.Elapsed.TotalSeconds:F1} s (cluster start included).");
        text.AppendLine();
        text.AppendLine(FaultMeasurement.Header);
        foreach (var m in measurements)
        {
            text.AppendLine(m.Row);
        }

        FaultReport.Write(scenario, text.ToString());
        Log($"written to {FaultReport.FilePath}");
        Log(text.ToString());
    }

    private void Log(string line) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}"));
}
