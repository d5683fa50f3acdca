using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Islands;
using Microsoft.Extensions.Logging;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// An island's outgoing calls. Runs on the island's scheduler (called from its calls and pump rounds), so
/// nothing here races on a thread; between awaits the island's calls interleave (see IslandGrain).
/// Enqueuing and reporting each keep at most one call in flight; what collects meanwhile leaves together in the next.
/// Failures are logged and repaired by later rounds:
/// asks go stale and are asked again, the outbox stays until a report is taken.
/// </summary>
internal sealed partial class IslandMessenger(
    IGrainFactory grains,
    string islandKey,
    string searchId,
    int index,
    ILogger logger)
{
    private readonly List<EvaluationJob> jobs = [];
    private Task enqueuing = Task.CompletedTask;
    private Task reporting = Task.CompletedTask;

    /// <summary>Completes when no enqueue is on its way.</summary>
    public Task Idle => enqueuing;

    /// <summary>
    /// Asks the individual; its outcome goes to <paramref name="onOutcome"/>, its job joins the next batch.
    /// </summary>
    public async Task AskAsync(
        IslandRuntime island,
        PendingEvaluation pending,
        Action<string, EvaluationResult> onOutcome)
    {
        try
        {
            var request = new EvaluationRequest(
                IslandMessages.Ticket(pending), islandKey, island.Spec.Seed,
                island.Spec.Trainers.LeaseSeconds, pending.Rung)
            {
                Again = pending.Again,
            };
            var reply = await grains.GetGrain<IIndividualGrain>(GrainKeys.Individual(searchId, pending.Key))
                .RequestEvaluationAsync(request);
            if (reply.Shared)
            {
                island.MarkShared(pending.Key);
            }

            if (reply.Repeat)
            {
                island.MarkRepeat(pending.Key);
            }

            if (reply.Outcome is { } outcome)
            {
                onOutcome(pending.Key, outcome);
            }
            else if (reply.Job is { } job && !island.Stopped)
            {
                // A reply that arrives after the island stopped (the search ended or began its final stage while the
                // individual answered) asks for nothing more.
                jobs.Add(job);
                if (enqueuing.IsCompleted)
                {
                    enqueuing = EnqueueAsync(island);
                }
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogRequestFailed(logger, error, pending.Key, islandKey);
        }
    }

    public void Migrate(IEnumerable<MigrationPlan> plans)
    {
        foreach (var plan in plans)
        {
            _ = grains.GetGrain<IIslandGrain>(GrainKeys.Island(searchId, plan.Neighbour))
                .ReceiveMigrantsAsync(plan.Migrants);
        }
    }

    /// <summary>
    /// Reports the outbox unless a report is on its way; <paramref name="again"/> runs when more results waited
    /// meanwhile.
    /// </summary>
    public void Report(IslandRuntime island, Action again)
    {
        if (reporting.IsCompleted)
        {
            reporting = ReportAsync(island, again);
        }
    }

    private async Task EnqueueAsync(IslandRuntime island)
    {
        // Yield once so the replies already on their way join the first batch.
        await Task.Yield();
        while (jobs.Count > 0 && !island.Stopped)
        {
            var batch = jobs.ToList();
            jobs.Clear();
            try
            {
                await grains.GetGrain<IEvaluationQueueGrain>(searchId).EnqueueManyAsync(batch);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                LogEnqueueFailed(logger, error, islandKey, batch.Count);
                return;
            }
        }
    }

    private async Task ReportAsync(IslandRuntime island, Action again)
    {
        // Only results a written snapshot covers (IslandRuntime.Reportable); the rest wait for the next round's write.
        var (batch, status) = island.NextReport();
        bool taken;
        try
        {
            taken = await grains.GetGrain<ISearchGrain>(searchId).ReportAsync(new IslandReport(
                index, batch.Select(r => IslandMessages.Record(index, r)).ToList(), status));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogReportFailed(logger, error, islandKey, batch.Count);
            return;
        }

        // Not taken (the search is not loaded yet): kept for the next poke. Taken: only this lane
        // removes from the outbox and others only append, so the batch is still its prefix. What is left
        // (absorbed meanwhile, or not yet covered by a write) goes with the next round, which writes first.
        if (taken)
        {
            island.Acknowledge(batch.Count);
            if (island.Outbox.Count > 0)
            {
                again();
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Requesting evaluation {Hash} for island {Island} failed; it will be asked again")]
    private static partial void LogRequestFailed(ILogger logger, Exception error, string hash, string island);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Island {Island} could not enqueue {Count} jobs; they are asked for again when stale")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception error, string island, int count);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Island {Island} could not report {Count} results; they stay in its outbox")]
    private static partial void LogReportFailed(ILogger logger, Exception error, string island, int count);
}
