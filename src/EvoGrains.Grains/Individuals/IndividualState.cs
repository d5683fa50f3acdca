using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Individuals;

/// <summary>
/// One loss's evaluation: the candidate, the islands that asked, and the outcome once known. Written once per outcome.
/// </summary>
[GenerateSerializer, Alias("evograins.individual-state")]
public sealed class IndividualState
{
    [Id(0)]
    public CandidateTicket? Candidate { get; set; }

    [Id(1)]
    public EvaluationResult? Outcome { get; set; }

    [Id(2)]
    public List<string> Requesters { get; set; } = [];
}
