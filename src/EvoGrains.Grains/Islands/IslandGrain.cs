using EvoGrains.Abstractions;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// One population. Keeps spec.Islands.InFlight evaluations in flight: proposes (screening runs
/// here; it costs well under a millisecond), asks the individual grain, absorbs results, migrates
/// its best to a neighbour and reports to the search through a persisted outbox. The strategy
/// (Core) decides everything evolutionary; this grain only moves messages and persists.
/// </summary>
public sealed partial class IslandGrain(
    [PersistentState("island", EvoGrainsStorage.ProviderName)] IPersistentState<IslandState> state,
    ScreeningFunnel funnel,
    ILogger<IslandGrain> logger) : Grain, IIslandGrain
{
    // A result can be lost only with a silo; asking again after this long is cheap and idempotent.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Candidate> candidates = new(StringComparer.Ordinal);
    private SearchSpec? spec;
    private SearchStrategy? strategy;
    private Random random = new(0);
    private long rejectedBeforeActivation;
    private long duplicatesBeforeActivation;
    private Task reporting = Task.CompletedTask;
    private bool exhausted;
    private bool recovering;
    private bool pumping;
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

    public async Task StartAsync(IslandAssignment assignment)
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

        await PumpAsync(reportStatus: true);
    }

    public Task PokeAsync() => PumpAsync(reportStatus: true);

    public async Task PauseAsync()
    {
        Island.Paused = true;
        await PersistAsync();
    }

    public async Task ResumeAsync()
    {
        Island.Paused = false;
        dirty = true;
        await PumpAsync(reportStatus: true);
    }

    public async Task StopAsync()
    {
        Island.Stopped = true;
        await PersistAsync();
    }

    public async Task OnResultAsync(string hash, EvaluationOutcome outcome)
    {
        if (strategy is not null && Absorb(hash, outcome))
        {
            await PumpAsync(reportStatus: false);
        }
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

    /// <summary>Fills the in-flight slots, asks for stale or recovered evaluations, persists, then reports the outbox.</summary>
    private async Task PumpAsync(bool reportStatus)
    {
        if (strategy is null || pumping)
        {
            return;
        }

        pumping = true;
        try
        {
            var now = DateTimeOffset.UtcNow;
            var toRequest = Island.InFlight.Where(f => recovering || now - f.Value.RequestedAt > StaleAfter).Select(f => f.Key).ToList();
            recovering = false;
            while (true)
            {
                Fill(toRequest);
                if (toRequest.Count == 0)
                {
                    break;
                }

                foreach (var hash in toRequest)
                {
                    Island.InFlight[hash].RequestedAt = now;
                }

                // Persist before asking: after a crash the island re-asks for exactly these.
                await PersistAsync();
                var batch = toRequest.ToList();
                toRequest.Clear();
                await Task.WhenAll(batch.Select(RequestAsync));
            }

            if (dirty)
            {
                await PersistAsync();
            }

            if (Island.Outbox.Count > 0 || reportStatus)
            {
                StartReport();
            }
        }
        finally
        {
            pumping = false;
        }
    }

    private void Fill(List<string> toRequest)
    {
        exhausted = false;
        while (CanPropose)
        {
            if (strategy!.Propose(random) is not { } candidate)
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
                Absorb(hash, outcome);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Left in flight: the next poke asks again once the request is stale.
            LogRequestFailed(logger, error, hash, this.GetPrimaryKeyString());
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

    private async Task PersistAsync()
    {
        if (strategy is not null)
        {
            Island.Members = strategy.Members.Select(MemberRecord.From).ToList();
            Island.RejectedByScreening = rejectedBeforeActivation + strategy.Statistics.Rejected;
            Island.Duplicates = duplicatesBeforeActivation + strategy.Statistics.Duplicates;
        }

        await state.WriteStateAsync();
        dirty = false;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Island {Island} could not report {Count} results; they stay in its outbox")]
    private static partial void LogReportFailed(ILogger logger, Exception error, string island, int count);
}
