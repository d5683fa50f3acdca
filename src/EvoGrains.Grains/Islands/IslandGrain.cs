using EvoGrains.Abstractions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// One population. <see cref="IslandRuntime"/> (Core) decides everything; this grain loads and
/// persists its state and moves messages: asks individuals, enqueues the jobs they hand back,
/// migrates and reports the outbox to the search.
/// </summary>
/// <remarks>
/// Concurrency (docs/architecture.md, "Concurrency"): reentrant, because the island interleaves anyway. Its pump
/// round, the group commit's writes and the messenger's asks, enqueues and reports are tasks on the grain's
/// scheduler that outlive the call that started them, so at each of their awaits any call or any other of these
/// tasks may run. Each step between two awaits is one synchronous change of the runtime that holds whatever ran
/// before it (the runtime ignores an outcome not in flight, only the report lane removes from the outbox, a stopped
/// island enqueues and asks nothing), and each step re-reads what it needs after an await. Calls only change the
/// runtime and wake the pump. One pump round at a time plans the asks, persists (so after a crash the island asks
/// again for exactly what it had asked for), then sends. Enqueuing and reporting each have at most one call in
/// flight; what collects meanwhile leaves together in the next, and their completion wakes the pump again. Breeding and
/// screening take well under a millisecond a candidate; training runs on the trainers' own threads, never here.
/// </remarks>
[Reentrant]
public sealed partial class IslandGrain : Grain, IIslandGrain
{
    // Writes a round may make before it reports (see RoundAsync).
    private const int MaxWritesPerRound = 3;

    // Results arrive one message at a time; a write per 20 ms at most lets a busy island persist them in batches.
    private static readonly TimeSpan WriteSpacing = TimeSpan.FromMilliseconds(20);

    private readonly IPersistentState<IslandState> state;
    private readonly ScreeningFunnel funnel;
    private readonly ILogger<IslandGrain> logger;
    private readonly CoalescingPump pump;
    private readonly GroupCommit commit;
    private IslandRuntime? runtime;
    private IslandMessenger? messenger;
    private long savedVersion;

    public IslandGrain(
        [PersistentState("island", EvoGrainsStorage.ProviderName)] IPersistentState<IslandState> state,
        ScreeningFunnel funnel, ILogger<IslandGrain> logger)
    {
        (this.state, this.funnel, this.logger) = (state, funnel, logger);
        pump = new CoalescingPump(RoundAsync);
        commit = new GroupCommit(WriteAsync, WriteSpacing);
    }

    private IslandState Island => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Island.Started)
        {
            Load();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.WhenAll(pump.Idle, messenger?.Idle ?? Task.CompletedTask);
        if (runtime is not null && runtime.Version != savedVersion)
        {
            await commit.CommitAsync();
        }
    }

    public Task StartAsync(IslandAssignment assignment)
    {
        if (!Island.Started)
        {
            (Island.SearchId, Island.Index, Island.Spec, Island.Started) =
                (assignment.SearchId, assignment.Index, assignment.Spec, true);
            Load();
            savedVersion = -1;
        }

        pump.Wake(status: true);
        return Task.CompletedTask;
    }

    public Task PokeAsync()
    {
        pump.Wake(status: true);
        return Task.CompletedTask;
    }

    public Task PauseAsync() => ChangeAndPersistAsync(r => r.Pause(), () => Island.Paused = true);

    public Task StopAsync() => ChangeAndPersistAsync(r => r.Stop(), () => Island.Stopped = true);

    public Task ResumeAsync()
    {
        Island.Paused = false;
        runtime?.Resume();
        pump.Wake(status: true);
        return Task.CompletedTask;
    }

    public Task OnResultAsync(string evaluationKey, EvaluationResult outcome)
    {
        OnResult(evaluationKey, outcome);
        return Task.CompletedTask;
    }

    public Task ReceiveMigrantsAsync(IReadOnlyList<Migrant> migrants)
    {
        // Migrants are screened again on arrival (IslandRuntime.ReceiveMigrants): search work, not orchestration.
        if (runtime is { } island && SearchWork.Measure(() => island.ReceiveMigrants(migrants)) > 0)
        {
            pump.Wake(status: false);
        }

        return Task.CompletedTask;
    }

    public Task<IslandStatus> GetStatusAsync() => Task.FromResult(Status());

    private void Load()
    {
        var spec = Island.Spec
            ?? throw new InvalidOperationException($"island {this.GetPrimaryKeyString()} has no spec");
        runtime = new IslandRuntime(spec, Island.Index, funnel, Island.ToSnapshot());
        messenger = new IslandMessenger(
            GrainFactory, this.GetPrimaryKeyString(), Island.SearchId, Island.Index, logger);
        savedVersion = runtime.Version;
    }

    private async Task ChangeAndPersistAsync(Action<IslandRuntime> change, Action before)
    {
        before();
        if (runtime is not null)
        {
            change(runtime);
        }

        await commit.CommitAsync();
    }

    private async Task RoundAsync(bool withStatus)
    {
        if ((runtime, messenger) is not ({ } island, { } send))
        {
            return;
        }

        var asks = SearchWork.Measure(() => island.PlanRequests(DateTimeOffset.UtcNow));

        // Results absorbed while a write is on its way are reported only once a write covers them
        // (IslandRuntime.Reportable): a few more writes let a burst of results leave in one report instead of being
        // split, the rest behind by a write.
        for (var writes = 0;
            island.Version != savedVersion && (writes == 0 || island.Withheld) && writes < MaxWritesPerRound;
            writes++)
        {
            try
            {
                await commit.CommitAsync();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                island.AskFailed(asks);
                LogPersistFailed(logger, error, this.GetPrimaryKeyString());
                return;
            }
        }

        // Stopped while the write was on its way (the search ended or began its final stage): the planned asks would
        // only make jobs no one enqueues.
        foreach (var pending in island.Stopped ? [] : asks)
        {
            _ = send.AskAsync(island, pending, OnResult);
        }

        send.Migrate(island.TakeMigrations());
        if (island.Outbox.Count > 0 || withStatus)
        {
            send.Report(island, () => pump.Wake(status: false));
        }
    }

    private void OnResult(string evaluationKey, EvaluationResult outcome)
    {
        if (runtime?.Absorb(evaluationKey, outcome, DateTimeOffset.UtcNow) == true)
        {
            pump.Wake(status: false);
        }
    }

    private async Task WriteAsync()
    {
        var version = runtime?.Version ?? 0;
        var snapshot = runtime?.Snapshot();
        if (snapshot is not null)
        {
            Island.Capture(snapshot);
        }

        await state.WriteStateAsync();
        savedVersion = version;
        if (snapshot is not null)
        {
            runtime?.Persisted(snapshot);
        }
    }

    private IslandStatus Status() => runtime is null
        ? new IslandStatus { Island = Island.Index, Method = "" }
        : runtime.Progress();

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Island {Island} could not persist; it tries again on the next result or poke")]
    private static partial void LogPersistFailed(ILogger logger, Exception error, string island);
}
