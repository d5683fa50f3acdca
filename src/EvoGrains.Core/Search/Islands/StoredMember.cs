namespace EvoGrains.Core.Search.Islands;

/// <summary>A population member in storage: the candidate, its fitness at its highest rung, and birth order.</summary>
public sealed record StoredMember(StoredCandidate Candidate, double Fitness, long Birth)
{
    public int Rung { get; init; }
}
