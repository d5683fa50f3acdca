namespace EvoGrains.Abstractions;

/// <summary>An island's request to an individual: the candidate, the island key to notify, and the job settings (the rung among them).</summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-request")]
public sealed record EvaluationRequest(
    [property: Id(0)] CandidateTicket Candidate,
    [property: Id(1)] string Island,
    [property: Id(2)] int Seed,
    [property: Id(3)] int LeaseSeconds,
    [property: Id(4)] int Rung = 0);
