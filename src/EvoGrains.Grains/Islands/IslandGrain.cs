using EvoGrains.Abstractions;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;
using EvoGrains.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// One population. Keeps spec.Islands.InFlight evaluations in flight: proposes (screening runs
/// here), asks each candidate's individual grain, enqueues the jobs they hand back in one batch,
/// absorbs results as they arrive, migrates its best to a neighbour and reports to the search
/// through a persisted outbox. The strategy (Core) decides everything evolutionary; this grain
/// only moves messages and persists.
/// </summary>
/// <remarks>
/// Results, requests, enqueues and reports are pipelined: a result only updates the population
/// and wakes the pump loop, which persists once for everything absorbed since its last write and
/// then sends the new requests. Loops run on this grain's scheduler between requests, so state
/// changes never race.
/// </remarks>
public sealed partial class IslandGrain(
    [PersistentState("island", EvoGrainsStorage.ProviderName)] IPersistentState<IslandState> state,
    ScreeningFunnel funnel,
    ILogger<IslandGrain> logger) : Grain, IIslandGrain
{
    // A result can be lost only with a silo; asking again after this long is cheap and idempotent.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    // Results arrive one message at a time; a write per 20 ms at most lets a busy island persist them in batches.
    private static readonly TimeSpan WriteSpacing = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<string, Candidate> candidates = new(StringComparer.Ordinal);
    private readonly List<EvaluationJob> jobsToEnqueue = [];
    private Dictionary<long, MemberRecord> memberRecords = [];
    private SearchSpec? spec;
    private SearchStrategy? strategy;
    private Random random = new(0);
    private long rejectedBeforeActivation;
    private long duplicatesBeforeActivation;
    private GroupCommit? commit;
    private Task pumping = Task.CompletedTask;
    private Task reporting = Task.CompletedTask;
    private Task enqueuing = Task.CompletedTask;
    private bool exhausted;
    private bool recovering;
    private bool pumpAgain;
    private bool reportStatus;
    private bool dirty;

    private IslandState Island => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Island.Started)
        {
            Rebuild();
            recovering = true;
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.WhenAll(pumping, enqueuing);
        if (dirty)
        {
            await PersistAsync();
        }
    }

    public Task StartAsync(IslandAssignment assignment)
    {
        if (!Island.Started)
        {
            Island.SearchId = assignment.SearchId;
            Island.Index = assignment.Index;
            Island.SpecJson = assignment.SpecJson;
            Island.Started = true;
            Rebuild();
            dirty = true;
        }

        Pump(withStatus: true);
        return Task.CompletedTask;
    }

    public Task PokeAsync()
    {
        Pump(withStatus: true);
        return Task.CompletedTask;
    }

    public async Task PauseAsync()
    {
        Island.Paused = true;
        await PersistAsync();
    }

    public Task ResumeAsync()
    {
        Island.Paused = false;
        dirty = true;
        Pump(withStatus: true);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        Island.Stopped = true;
        await PersistAsync();
    }

    public Task OnResultAsync(string hash, EvaluationOutcome outcome)
    {
        AbsorbAndPump(hash, outcome);
        return Task.CompletedTask;
    }

    public async Task ReceiveMigrantsAsync(IReadOnlyList<MigrantRecord> migrants)
    {
        if (strategy is null)
        {
            return;
        }

        foreach (var migrant in migrants)
        {
            var candidate = CandidateRebuilder.Rebuild(funnel, migrant.Genome, migrant.Operator, migrant.Parents);
            if (strategy.Members.All(m => m.Hash != candidate.Loss.HashHex))
            {
                strategy.Report(candidate, migrant.Fitness);
                Island.MigrantsReceived++;
            }
        }

        await PersistAsync();
    }

    public Task<IslandStatus> GetStatusAsync() => Task.FromResult(Status());

    private bool CanPropose => strategy is not null && spec is not null && !Island.Stopped && !Island.Paused && Island.InFlight.Count < spec.Islands.InFlight;

    private void Rebuild()
    {
        spec = SearchSpecJson.Parse(Island.SpecJson, $"island {this.GetPrimaryKeyString()}");
        strategy = StrategyFactory.Create(spec.Islands, Island.Index, funnel);
        foreach (var member in Island.Members.OrderBy(m => m.Birth))
        {
            strategy.Restore(new Member(CandidateRebuilder.Rebuild(funnel, member.Genome, member.Operator, member.Parents), member.Fitness, member.Birth));
        }

        memberRecords = Island.Members.ToDictionary(m => m.Birth);
        candidates.Clear();
        foreach (var (hash, record) in Island.InFlight)
        {
            candidates[hash] = CandidateRebuilder.Rebuild(funnel, record.Ticket.Genome, record.Ticket.Operator, record.Ticket.Parents);
        }

        // Deterministic per island and progress, so a resumed island does not replay its earlier draws.
        random = new Random(HashCode.Combine(spec.Seed, Island.Index, Island.Results, Island.MigrantsReceived));
        rejectedBeforeActivation = Island.RejectedByScreening;
        duplicatesBeforeActivation = Island.Duplicates;
    }

    /// <summary>Wakes the pump loop, or asks the running one to go round again.</summary>
    private void Pump(bool withStatus)
    {
        reportStatus |= withStatus;
        pumpAgain = true;
        if (strategy is not null && pumping.IsCompleted)
        {
            pumping = PumpAsync();
        }
    }

    /// <summary>Fills the in-flight slots, persists, asks for new, stale or recovered evaluations, then reports the outbox.</summary>
    private async Task PumpAsync()
    {
        while (pumpAgain)
        {
            pumpAgain = false;
            var now = DateTimeOffset.UtcNow;
            var toRequest = Island.InFlight.Where(f => recovering || now - f.Value.RequestedAt > StaleAfter).Select(f => f.Key).ToList();
            recovering = false;
            Fill(toRequest);
            foreach (var hash in toRequest)
            {
                Island.InFlight[hash].RequestedAt = now;
            }

            if (dirty || toRequest.Count > 0)
            {
                try
                {
                    // Persist before asking: after a crash the island re-asks for exactly these.
                    await PersistAsync();
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    // Nothing was asked; the next result or poke tries again.
                    LogPersistFailed(logger, error, this.GetPrimaryKeyString());
                    return;
                }
            }

            foreach (var hash in toRequest)
            {
                _ = RequestAsync(hash);
            }

            if (Island.Outbox.Count > 0 || reportStatus)
            {
                reportStatus = false;
                StartReport();
            }
        }
    }

    private void Fill(List<string> toRequest)
    {
        exhausted = false;
        while (CanPropose)
        {
            if (SearchWork.Measure(() => strategy!.Propose(random)) is not { } candidate)
            {
                exhausted = true;
                return;
            }

            var hash = candidate.Loss.HashHex;
            if (Island.InFlight.ContainsKey(hash))
            {
                continue;
            }

            candidates[hash] = candidate;
            Island.InFlight[hash] = new InFlightRecord
            {
                Ticket = new CandidateTicket(hash, candidate.Genome.Encode(), LossText.From(candidate.Loss), candidate.Loss.ToString(), candidate.Operator, candidate.Parents.ToArray()),
            };
            toRequest.Add(hash);
        }
    }

    private async Task RequestAsync(string hash)
    {
        if (!Island.InFlight.TryGetValue(hash, out var record))
        {
            return;
        }

        try
        {
            var request = new EvaluationRequest(record.Ticket, this.GetPrimaryKeyString(), spec!.Seed, spec.Trainers.LeaseSeconds);
            var reply = await GrainFactory.GetGrain<IIndividualGrain>(GrainKeys.Individual(Island.SearchId, hash)).RequestEvaluationAsync(request);
            record.Shared |= reply.Shared;
            if (reply.Outcome is { } outcome)
            {
                AbsorbAndPump(hash, outcome);
            }
            else if (reply.Job is { } job)
            {
                jobsToEnqueue.Add(job);
                if (enqueuing.IsCompleted)
                {
                    enqueuing = EnqueueAsync();
                }
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Left in flight: the next poke asks again once the request is stale.
            LogRequestFailed(logger, error, hash, this.GetPrimaryKeyString());
        }
    }

    /// <summary>Sends the jobs individuals handed back in batches: those collected while one batch travels leave together.</summary>
    private async Task EnqueueAsync()
    {
        // Yield once so the replies already on their way join the first batch.
        await Task.Yield();
        while (jobsToEnqueue.Count > 0)
        {
            var batch = jobsToEnqueue.ToList();
            jobsToEnqueue.Clear();
            try
            {
                await GrainFactory.GetGrain<IEvaluationQueueGrain>(Island.SearchId).EnqueueManyAsync(batch);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Still in flight here: the stale re-request enqueues them again.
                LogEnqueueFailed(logger, error, this.GetPrimaryKeyString(), batch.Count);
                return;
            }
        }
    }

    private void AbsorbAndPump(string hash, EvaluationOutcome outcome)
    {
        if (strategy is not null && Absorb(hash, outcome))
        {
            Pump(withStatus: false);
        }
    }

    private bool Absorb(string hash, EvaluationOutcome outcome)
    {
        if (!Island.InFlight.Remove(hash, out var record))
        {
            return false;
        }

        var candidate = candidates.Remove(hash, out var known)
            ? known
            : CandidateRebuilder.Rebuild(funnel, record.Ticket.Genome, record.Ticket.Operator, record.Ticket.Parents);
        strategy!.Report(candidate, outcome.Fitness);
        Island.Results++;
        if (record.Shared)
        {
            Island.SharedResults++;
        }

        var ticket = record.Ticket;
        Island.Outbox.Add(new HistoryRecord(
            -1, Island.Index, hash, ticket.Expression, ticket.Loss, ticket.Genome, outcome.Fitness, outcome.Status, outcome.Seconds,
            ticket.Operator, ticket.Parents, outcome.Failure, record.Shared, DateTimeOffset.UtcNow));
        MigrateIfDue();
        dirty = true;
        return true;
    }
    private void MigrateIfDue()
    {
        var migration = spec!.Migration;
        var islands = spec.Islands.Count;
        if (islands < 2 || migration.Count == 0 || ++Island.ResultsSinceMigration < migration.Every)
        {
            return;
        }

        Island.ResultsSinceMigration = 0;
        var neighbour = migration.Topology == "random"
            ? (Island.Index + 1 + random.Next(islands - 1)) % islands
            : (Island.Index + 1) % islands;
        var migrants = strategy!.Emigrants(migration.Count)
            .Select(m => new MigrantRecord(m.Candidate.Genome.Encode(), m.Candidate.Operator, m.Candidate.Parents.ToArray(), m.Fitness))
            .ToList();
        _ = GrainFactory.GetGrain<IIslandGrain>(GrainKeys.Island(Island.SearchId, neighbour)).ReceiveMigrantsAsync(migrants);
    }

    /// <summary>
    /// Sends the outbox without holding up this island: while one report waits for the search's
    /// group-committed write, new results collect and leave together in the next one.
    /// </summary>
    private void StartReport()
    {
        if (reporting.IsCompleted)
        {
            reporting = ReportAsync();
        }
    }

    private async Task ReportAsync()
    {
        while (true)
        {
            var batch = Island.Outbox.ToList();
            try
            {
                await GrainFactory.GetGrain<ISearchGrain>(Island.SearchId).ReportAsync(new IslandReport(Island.Index, batch, Status()));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Kept in the outbox; the next result or poke sends it again.
                LogReportFailed(logger, error, this.GetPrimaryKeyString(), batch.Count);
                return;
            }

            // Only this loop removes from the outbox and others only append, so the acknowledged
            // batch is still its prefix. The removal is persisted with the next write: a resend
            // after a crash is harmless (the search ignores a repeated island and hash).
            Island.Outbox.RemoveRange(0, batch.Count);
            dirty |= batch.Count > 0;
            if (Island.Outbox.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>Writes never overlap (a pump, a migration and a pause may all persist); concurrent callers share one write.</summary>
    private Task PersistAsync() => (commit ??= new GroupCommit(WriteSnapshotAsync, WriteSpacing)).CommitAsync();

    private async Task WriteSnapshotAsync()
    {
        if (strategy is not null)
        {
            // Members are encoded once: most writes change one or two of them.
            var records = strategy.Members.ToDictionary(m => m.Birth, m => memberRecords.GetValueOrDefault(m.Birth) ?? MemberRecord.From(m));
            memberRecords = records;
            Island.Members = records.Values.ToList();
            Island.RejectedByScreening = rejectedBeforeActivation + strategy.Statistics.Rejected;
            Island.Duplicates = duplicatesBeforeActivation + strategy.Statistics.Duplicates;
        }

        dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            dirty = true;
            throw;
        }
    }

    private IslandStatus Status()
    {
        var members = strategy?.Members ?? [];
        var best = strategy?.Best;
        return new IslandStatus(
            Island.Index,
            strategy?.Method ?? "",
            members.Count,
            best?.Fitness ?? double.NaN,
            best?.Candidate.Loss.ToString(),
            members.Select(m => Math.Round(m.Fitness, 9)).Distinct().Count(),
            Island.Results,
            Island.InFlight.Count,
            rejectedBeforeActivation + (strategy?.Statistics.Rejected ?? 0),
            duplicatesBeforeActivation + (strategy?.Statistics.Duplicates ?? 0),
            Island.SharedResults,
            Island.MigrantsReceived,
            exhausted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requesting evaluation {Hash} for island {Island} failed; it will be asked again")]
    private static partial void LogRequestFailed(ILogger logger, Exception error, string hash, string island);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Island} could not enqueue {Count} jobs; they are asked for again when stale")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception error, string island, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Island} could not persist; it tries again on the next result or poke")]
    private static partial void LogPersistFailed(ILogger logger, Exception error, string island);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Island} could not report {Count} results; they stay in its outbox")]
    private static partial void LogReportFailed(ILogger logger, Exception error, string island, int count);
}
