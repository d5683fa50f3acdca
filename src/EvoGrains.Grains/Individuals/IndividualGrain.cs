using EvoGrains.Abstractions;
using EvoGrains.Grains.Storage;

namespace EvoGrains.Grains.Individuals;

/// <summary>
/// The identity of one loss in a search. The first request enqueues one job; later requests get
/// the stored outcome or join the waiters, so a duplicate never trains twice. A repeated request
/// while pending re-enqueues idempotently, which also recovers a lost result delivery.
/// </summary>
public sealed class IndividualGrain(
    [PersistentState("individual", EvoGrainsStorage.ProviderName)] IPersistentState<IndividualState> state)
    : Grain, IIndividualGrain
{
    private IndividualState Individual => state.State;

    public async Task<IndividualReply> RequestEvaluationAsync(EvaluationRequest request)
    {
        var shared = Individual.Requesters.Count > 0 && !Individual.Requesters.Contains(request.Island);
        var isNewRequester = !Individual.Requesters.Contains(request.Island);
        if (isNewRequester)
        {
            Individual.Requesters.Add(request.Island);
        }

        if (Individual.Outcome is { } outcome)
        {
            if (isNewRequester)
            {
                await state.WriteStateAsync();
            }

            return new IndividualReply(outcome, shared);
        }

        Individual.Candidate ??= request.Candidate;
        if (!Individual.Waiters.Contains(request.Island))
        {
            Individual.Waiters.Add(request.Island);
        }

        await state.WriteStateAsync();
        var (searchId, hash) = GrainKeys.Split(this.GetPrimaryKeyString());
        var job = new EvaluationJob(this.GetPrimaryKeyString(), searchId, JobKind.Search, hash, Individual.Candidate.Loss, 0, request.Seed, request.LeaseSeconds);
        if (await GrainFactory.GetGrain<IEvaluationQueueGrain>(searchId).EnqueueAsync(job) is { } known)
        {
            await RecordAsync(known, request.Island);
            return new IndividualReply(known, shared);
        }

        return new IndividualReply(null, shared);
    }

    public Task OnEvaluatedAsync(EvaluationOutcome outcome) =>
        Individual.Outcome is null ? RecordAsync(outcome, answered: null) : Task.CompletedTask;

    public Task<EvaluationOutcome?> GetOutcomeAsync() => Task.FromResult(Individual.Outcome);

    private async Task RecordAsync(EvaluationOutcome outcome, string? answered)
    {
        Individual.Outcome = outcome;
        var waiters = Individual.Waiters.Where(w => w != answered).ToList();
        Individual.Waiters.Clear();
        await state.WriteStateAsync();
        var (_, hash) = GrainKeys.Split(this.GetPrimaryKeyString());
        foreach (var island in waiters)
        {
            _ = GrainFactory.GetGrain<IIslandGrain>(island).OnResultAsync(hash, outcome);
        }
    }
}
