using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using Xunit.Abstractions;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>
/// Start, pause, resume, cancel and island reports (the islands' own, resent copies of results the search already
/// counted, and simulated islands' numbered results) fired at one search together, and an island's own calls fired at it
/// while its pump and messenger run, in orders a seeded <see cref="Random"/> shuffles, many times over. Each round then
/// checks what must hold whatever interleaved (docs/architecture.md, "Concurrency"): every result counted once, nothing
/// lost, the lifecycle moving only along SearchBook's transitions, and the islands doing what they were told.
/// </summary>
[Trait("Category", "Integration")]
[Collection(MemorySearchCluster.Name)]
public sealed class ConcurrentSteeringTests(MemorySearchClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // SearchBook's lifecycle: Created -> Running <-> Paused -> FinalStage -> Completed; Cancelled from any started
    // state that has not ended; Failed (permanent failures everywhere) while searching.
    private static readonly Dictionary<SearchState, SearchState[]> Moves = new()
    {
        [SearchState.Created] = [SearchState.Running],
        [SearchState.Running] = [SearchState.Paused, SearchState.FinalStage, SearchState.Cancelled, SearchState.Failed],
        [SearchState.Paused] = [SearchState.Running, SearchState.FinalStage, SearchState.Cancelled, SearchState.Failed],
        [SearchState.FinalStage] = [SearchState.Completed, SearchState.Cancelled],
        [SearchState.Completed] = [],
        [SearchState.Cancelled] = [],
        [SearchState.Failed] = [],
    };

    [Fact]
    public async Task Start_reports_pause_resume_and_cancel_fired_together_count_each_result_once_along_legal_transitions()
    {
        var random = new Random(2026_12_07);
        for (var round = 0; round < 12; round++)
        {
            await RoundAsync(random, round);
        }
    }

    private async Task RoundAsync(Random random, int round)
    {
        var searchId = $"steer-{round}-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var budget = random.Next(30, 90);
        var spec = TestSpecs.Synthetic("steer", budget, delayMs: 1, trainers: 2);
        var cancel = random.Next(2) == 0;

        // The calls, all in flight together, each after a random delay (a shuffle, not a wait): the starts within a few
        // milliseconds, the rest over the search's life (it reaches its budget within about a second, paused or not).
        var calls = new List<(int Delay, Func<Task> Call)>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            calls.Add((random.Next(0, 10), async () => Assert.NotEqual(SearchState.Created, (await search.StartAsync(spec)).State)));
        }

        for (var i = random.Next(2, 6); i > 0; i--)
        {
            calls.Add((random.Next(0, 600), search.PauseAsync));
            calls.Add((random.Next(0, 600), search.ResumeAsync));
        }

        for (var i = random.Next(2, 6); i > 0; i--)
        {
            var seed = random.Next();
            calls.Add((random.Next(0, 800), () => ResendAsync(search, seed)));
        }

        if (cancel)
        {
            calls.Add((random.Next(0, 1000), search.CancelAsync));
        }

        var observed = new List<SearchState>();
        using var watching = new CancellationTokenSource();
        var watcher = WatchStatesAsync(search, observed, watching.Token);
        await Task.WhenAll(calls.Select(async c =>
        {
            await Task.Delay(c.Delay);
            await c.Call();
        }));

        // Settle: a pause must reach every island whatever interleaved with it (a paused island plans nothing), then
        // the search goes on to its end (a cancel fired before the start found nothing to cancel).
        await search.PauseAsync();
        var paused = await search.GetStatusAsync();
        if (paused.State == SearchState.Paused)
        {
            await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        }

        await search.ResumeAsync();
        var end = await SearchAssertions.WaitUntilAsync(search, s => s.IsTerminal, TimeSpan.FromSeconds(60));
        await watching.CancelAsync();
        await watcher;
        observed.Add(end.State);

        var context = $"round {round} (budget {budget}, cancel {cancel}): states {string.Join(" ", observed)}";
        output.WriteLine($"{context}; late {end.LateResults}; final stage at {(end.FinalStageStartedAt - end.StartedAt)?.TotalMilliseconds} ms, ended at {(end.EndedAt - end.StartedAt)?.TotalMilliseconds} ms");
        AssertLegal(observed, context);
        Assert.True(end.State == SearchState.Completed || (cancel && end.State == SearchState.Cancelled), context);
        Assert.Equal(end.State == SearchState.Completed, await search.GetFinalComparisonAsync() is not null);

        // Counted once: indices 0..n-1, one entry per (island, sequence), each island's sequences rising in history order.
        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        Assert.Equal(end.EvaluationsDone, history.Count);
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(e => e.Index));
        Assert.Equal(history.Count, history.Select(e => (e.Island, e.Sequence)).Distinct().Count());
        Assert.All(history.GroupBy(e => e.Island), island => Assert.Equal(island.Select(e => e.Sequence).Order(), island.Select(e => e.Sequence)));
        Assert.True(end.State == SearchState.Cancelled ? history.Count <= budget : history.Count == budget, context);

        // Nothing lost: once no trainer holds a job, every result an island took is in the history or counted late.
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await SearchAssertions.WaitUntilQueueAsync(queue, q => q.Leased == 0, Patience);
        await SearchAssertions.PokeIdleIslandsAsync(fixture.Client, searchId, spec);
        await WaitUntilEveryIslandResultIsCountedAsync(search, spec, context);
        Assert.Equal(history.Count, (await search.GetStatusAsync()).EvaluationsDone);

        await WaitUntilRegistryShowsAsync(searchId, end.State, context);
    }

    [Fact]
    public async Task Island_reports_fired_with_start_pause_resume_and_cancel_count_each_result_once_and_lose_none()
    {
        var (entry, island) = await TemplatesAsync();
        var random = new Random(2112);
        for (var round = 0; round < 12; round++)
        {
            await ReportRoundAsync(random, round, entry, island);
        }
    }

    [Fact]
    public async Task Island_calls_fired_together_with_its_own_work_leave_a_stopped_island_idle_and_lose_no_result()
    {
        var random = new Random(1_2_21);
        for (var round = 0; round < 8; round++)
        {
            await IslandRoundAsync(random, round);
        }
    }

    // An island's calls (pause, resume, poke, stop) land on it directly, at random, while its pump, writes, asks and
    // reports run: those interleave with every call at every await (the island is reentrant), and must still leave a
    // stopped island proposing nothing and every result it took counted by the search.
    private async Task IslandRoundAsync(Random random, int round)
    {
        var searchId = $"island-calls-{round}-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var spec = TestSpecs.Synthetic("island-calls", 10_000, delayMs: 2, trainers: 2);
        await search.StartAsync(spec);
        await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 5, Patience);

        var islands = Enumerable.Range(0, spec.Islands.Count).Select(i => fixture.Client.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, i))).ToList();
        var calls = new List<(int Delay, Func<Task> Call)>();
        foreach (var island in islands)
        {
            for (var i = random.Next(2, 6); i > 0; i--)
            {
                calls.Add((random.Next(0, 200), island.PauseAsync));
                calls.Add((random.Next(0, 200), island.ResumeAsync));
                calls.Add((random.Next(0, 200), island.PokeAsync));
            }
        }

        var stopped = islands[random.Next(islands.Count)];
        calls.Add((random.Next(0, 200), stopped.StopAsync));
        await Task.WhenAll(calls.Select(async c =>
        {
            await Task.Delay(c.Delay);
            await c.Call();
        }));

        // Calls from one caller arrive in order, so the (one-way) stop has landed before this read; a poke then plans
        // nothing on the stopped island however the rest interleaved.
        var before = await stopped.GetStatusAsync();
        await stopped.PokeAsync();
        Assert.InRange((await stopped.GetStatusAsync()).InFlight, 0, before.InFlight);

        await search.CancelAsync();
        var queue = fixture.Client.GetGrain<IEvaluationQueueGrain>(searchId);
        await SearchAssertions.WaitUntilQueueAsync(queue, q => q.Leased == 0, Patience);
        var context = $"island round {round}";
        await WaitUntilEveryIslandResultIsCountedAsync(search, spec, context);
        var end = await search.GetStatusAsync();
        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        Assert.Equal(end.EvaluationsDone, history.Count);
        Assert.Equal(history.Count, history.Select(e => (e.Island, e.Sequence)).Distinct().Count());
        output.WriteLine($"{context}: {history.Count} counted, {end.LateResults} late");
    }

    // Three simulated islands report numbered results (in order, one report at a time, resending what was not taken and
    // sometimes what was) while start, pause, resume and cancel land at random. The search's own islands train nothing
    // meanwhile (a synthetic training takes a minute), so the simulated reports are the whole history.
    private async Task ReportRoundAsync(Random random, int round, HistoryEntry entry, IslandStatus island)
    {
        var searchId = $"reports-{round}-{Guid.NewGuid():N}";
        var search = fixture.Client.GetGrain<ISearchGrain>(searchId);
        var budget = random.Next(10, 50);
        var spec = TestSpecs.Synthetic("reports", budget, delayMs: 60_000, trainers: 2);
        var ended = new TaskCompletionSource();

        var calls = new List<(int Delay, Func<Task> Call)>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            calls.Add((random.Next(0, 10), async () => Assert.NotEqual(SearchState.Created, (await search.StartAsync(spec)).State)));
        }

        for (var i = random.Next(2, 6); i > 0; i--)
        {
            calls.Add((random.Next(0, 300), search.PauseAsync));
            calls.Add((random.Next(0, 300), search.ResumeAsync));
        }

        calls.Add((random.Next(100, 400), CancelAsync));

        async Task CancelAsync()
        {
            await search.CancelAsync();
            ended.SetResult();
        }

        var taken = Enumerable.Range(0, spec.Islands.Count).Select(_ => new List<long>()).ToArray();
        var observed = new List<SearchState>();
        using var watching = new CancellationTokenSource();
        var watcher = WatchStatesAsync(search, observed, watching.Token);
        var islands = taken.Select((list, i) => SimulatedIslandAsync(search, i, list, new Random(random.Next()), () => ended.Task.IsCompleted, entry, island with { Island = i }));
        await Task.WhenAll(calls.Select(async c =>
        {
            await Task.Delay(c.Delay);
            await c.Call();
        }).Concat(islands));
        await watching.CancelAsync();
        await watcher;

        var end = await search.GetStatusAsync();
        observed.Add(end.State);
        var context = $"round {round} (budget {budget}): states {string.Join(" ", observed)}, taken {taken.Sum(t => t.Count)}, counted {end.EvaluationsDone} + {end.LateResults} late";
        output.WriteLine(context);
        AssertLegal(observed, context);
        Assert.Equal(SearchState.Cancelled, end.State);

        // Each result once; each island's results in the history are exactly its first ones, in its order (the rest came
        // after the budget was spent or the search was cancelled, and count as late); every taken result counted.
        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        Assert.Equal(end.EvaluationsDone, history.Count);
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (long)i), history.Select(e => e.Index));
        Assert.True(history.Count <= budget, context);
        Assert.True(!observed.Contains(SearchState.FinalStage) || history.Count == budget, context);
        for (var i = 0; i < taken.Length; i++)
        {
            var sequences = history.Where(e => e.Island == i).Select(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
            Assert.Equal(sequences, taken[i].Take(sequences.Count));
        }

        Assert.Equal(taken.Sum(t => t.Count), end.EvaluationsDone + end.LateResults);
        await WaitUntilRegistryShowsAsync(searchId, end.State, context);
    }

    private static async Task SimulatedIslandAsync(ISearchGrain search, int island, List<long> taken, Random random, Func<bool> ended, HistoryEntry entry, IslandStatus status)
    {
        var outbox = new List<HistoryEntry>();
        var lastTaken = new List<HistoryEntry>();
        var next = 1L;
        for (var afterEnd = 0; afterEnd < 3; afterEnd += ended() ? 1 : 0)
        {
            for (var k = random.Next(0, 4); k > 0; k--, next++)
            {
                outbox.Add(entry with { Index = -1, Island = island, Sequence = next, Hash = $"{island}-{next}" });
            }

            // A resend of what was taken (an acknowledgement lost on the way) goes first, as an island's outbox would.
            var report = random.Next(4) == 0 ? [.. lastTaken, .. outbox] : outbox.ToList();
            if (await search.ReportAsync(new IslandReport(island, report, status)))
            {
                taken.AddRange(outbox.Select(e => e.Sequence));
                (lastTaken, outbox) = (outbox, []);
            }

            await Task.Delay(random.Next(0, 5));
        }
    }

    // A history entry and an island status as a search makes them, to copy with other numbers.
    private async Task<(HistoryEntry Entry, IslandStatus Island)> TemplatesAsync()
    {
        var search = fixture.Client.GetGrain<ISearchGrain>($"templates-{Guid.NewGuid():N}");
        await search.StartAsync(TestSpecs.Synthetic("templates", 100, delayMs: 1, trainers: 2));
        var status = await SearchAssertions.WaitUntilAsync(search, s => s.EvaluationsDone >= 10 && s.Islands.Count > 0, Patience);
        await search.CancelAsync();

        // A success: a permanent failure would count towards ending the search Failed.
        var entry = (await search.GetHistoryAsync(0, int.MaxValue)).Entries.First(e => e.Failure is null && !e.Permanent);
        return (entry, status.Islands[0]);
    }

    // The registry ends with the state the search ended in.
    private async Task WaitUntilRegistryShowsAsync(string searchId, SearchState state, string context)
    {
        var registry = fixture.Client.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey);
        var deadline = DateTime.UtcNow + Patience;
        while ((await registry.ListAsync()).Single(s => s.SearchId == searchId).State != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{context}: the registry does not show {state}");
            await Task.Delay(50);
        }
    }

    // Sends again, in the island's order, a random selection of results the search has already counted: each must count
    // for nothing however it interleaves with the islands' own reports and the steering calls.
    private static async Task ResendAsync(ISearchGrain search, int seed)
    {
        var random = new Random(seed);
        var status = await search.GetStatusAsync();
        var history = (await search.GetHistoryAsync(0, int.MaxValue)).Entries;
        foreach (var island in status.Islands)
        {
            var resent = history.Where(e => e.Island == island.Island && random.Next(3) == 0).Select(e => e with { Index = -1 }).ToList();
            if (resent.Count > 0)
            {
                Assert.True(await search.ReportAsync(new IslandReport(island.Island, resent, island)));
            }
        }
    }

    // Every state the search shows, in order (one caller, so its reads are ordered), until cancelled.
    private static async Task WatchStatesAsync(ISearchGrain search, List<SearchState> observed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var state = (await search.GetStatusAsync()).State;
            if (observed.Count == 0 || observed[^1] != state)
            {
                observed.Add(state);
            }

            await Task.Delay(1, CancellationToken.None);
        }
    }

    private static void AssertLegal(IReadOnlyList<SearchState> observed, string context)
    {
        for (var i = 1; i < observed.Count; i++)
        {
            Assert.True(Reachable(observed[i - 1]).Contains(observed[i]), $"{context}: {observed[i - 1]} -> {observed[i]} is no path of the lifecycle");
        }
    }

    // A poll can miss states, so two observed in a row need a path between them, not an edge.
    private static HashSet<SearchState> Reachable(SearchState from)
    {
        var seen = new HashSet<SearchState> { from };
        var next = new Queue<SearchState>([from]);
        while (next.TryDequeue(out var state))
        {
            foreach (var to in Moves[state].Where(seen.Add))
            {
                next.Enqueue(to);
            }
        }

        return seen;
    }

    // Each island numbers the results it takes 1, 2, 3...; the search counts each in its history or as late. Stopped
    // islands still report what they take, so the sums meet once the last reports are in.
    private async Task WaitUntilEveryIslandResultIsCountedAsync(ISearchGrain search, SearchSpec spec, string context)
    {
        var islands = Enumerable.Range(0, spec.Islands.Count).Select(i => fixture.Client.GetGrain<IIslandGrain>(GrainKeys.Island(search.GetPrimaryKeyString(), i))).ToList();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var taken = 0L;
            foreach (var island in islands)
            {
                taken += (await island.GetStatusAsync()).Evaluations;
            }

            var status = await search.GetStatusAsync();
            if (taken == status.EvaluationsDone + status.LateResults)
            {
                return;
            }

            // A poke makes an island report whatever its outbox still holds (the search's timer no longer runs).
            foreach (var island in islands)
            {
                await island.PokeAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{context}: the islands took {taken} results, the search counted {status.EvaluationsDone} + {status.LateResults} late");
            await Task.Delay(50);
        }
    }
}
