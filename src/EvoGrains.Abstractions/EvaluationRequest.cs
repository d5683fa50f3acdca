namespace EvoGrains.Abstractions;

/// <summary>
/// An island's request to an individual: the candidate, the island key to notify, and the job settings (the rung among
/// them). <see cref="Again"/>: the island asked for this evaluation before and has not absorbed its result since (a
/// lost reply, or a reactivation), so a known outcome is its to absorb; a first ask from an island that already
/// received the outcome is a loss proposed again, answered with <see cref="IndividualReply.Repeat"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-request")]
public sealed record EvaluationRequest(
    [property: Id(0)] CandidateTicket Candidate,
    [property: Id(1)] string Island,
    [property: Id(2)] int Seed,
    [property: Id(3)] int LeaseSeconds,
    [property: Id(4)] int Rung = 0)
{
    [Id(5)]
    public bool Again { get; init; }
}
