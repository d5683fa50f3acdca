using EvoGrains.Core.Search;
using Orleans.Concurrency;

namespace EvoGrains.Abstractions;

/// <summary>
/// One loss by identity (key: "{search}/{canonical hash hex}"). A duplicate request never trains
/// twice: it gets the stored result or joins the pending one.
/// </summary>
[Alias("evograins.IIndividualGrain")]
public interface IIndividualGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the outcome at once when known; otherwise the job for the island to enqueue, and the
    /// island is notified through <see cref="IIslandGrain.OnResultAsync"/> when the outcome arrives.
    /// </summary>
    [Alias("RequestEvaluation")]
    Task<IndividualReply> RequestEvaluationAsync(EvaluationRequest request);

    [Alias("OnEvaluated"), OneWay]
    Task OnEvaluatedAsync(EvaluationResult outcome);

    [Alias("GetOutcome"), ReadOnly]
    Task<EvaluationResult?> GetOutcomeAsync();
}
