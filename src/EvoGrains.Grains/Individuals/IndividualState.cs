using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Individuals;

/// <summary>One loss's evaluation: the candidate, who asked, who still waits, and the outcome once known.</summary>
[GenerateSerializer, Alias("evograins.individual-state")]
public sealed class IndividualState
{
    [Id(0)]
    public CandidateTicket? Candidate { get; set; }

    [Id(1)]
    public EvaluationOutcome? Outcome { get; set; }

    [Id(2)]
    public List<string> Waiters { get; set; } = [];

    [Id(3)]
    public List<string> Requesters { get; set; } = [];
}
