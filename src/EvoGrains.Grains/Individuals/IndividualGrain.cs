using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Storage;

namespace EvoGrains.Grains.Individuals;

/// <summary>
/// The identity of one loss in a search at one rung, keyed by its one-hot fingerprint: every loss with the same one-hot
/// halves is this individual, and the first candidate to ask is the one trained. While its outcome is unknown every
/// request gets the job to enqueue (idempotent by job id in the queue) and joins the waiters; once known, requests get
/// the stored outcome, so a duplicate never trains twice. The state is written when the outcome
/// arrives (and when a new island asks afterwards), not per request: a waiter lost with a silo
/// asks again when its request goes stale.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class IndividualGrain(
    [PersistentState("individual", EvoGrainsStorage.ProviderName)] IPersistentState<IndividualState> state)
    : Grain, IIndividualGrain
{
    private readonly List<string> waiters = [];

    private IndividualState Individual => state.State;

    public async Task<IndividualReply> RequestEvaluationAsync(EvaluationRequest request)
    {
        var isNewRequester = !Individual.Requesters.Contains(request.Island);
        var shared = isNewRequester && Individual.Requesters.Count > 0;
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

            // The island absorbed this outcome and reported it before if it asked before and this is not a repeated
            // ask.
            return new IndividualReply(outcome, shared, null) { Repeat = !isNewRequester && !request.Again };
        }

        Individual.Candidate ??= request.Candidate;
        if (!waiters.Contains(request.Island))
        {
            waiters.Add(request.Island);
        }

        var key = this.GetPrimaryKeyString();
        var (searchId, evaluation) = GrainKeys.Split(key);
        return new IndividualReply(
            null, shared,
            new EvaluationJob(
                key, searchId, JobKind.Search, evaluation, Individual.Candidate.Loss, 0, request.Seed,
                request.LeaseSeconds, Rung: request.Rung));
    }

    public async Task OnEvaluatedAsync(EvaluationResult outcome)
    {
        if (Individual.Outcome is not null)
        {
            return;
        }

        Individual.Outcome = outcome;
        await state.WriteStateAsync();
        var (_, evaluation) = GrainKeys.Split(this.GetPrimaryKeyString());
        foreach (var island in waiters)
        {
            _ = GrainFactory.GetGrain<IIslandGrain>(island).OnResultAsync(evaluation, outcome);
        }

        waiters.Clear();
    }

    public Task<EvaluationResult?> GetOutcomeAsync() => Task.FromResult(Individual.Outcome);
}
