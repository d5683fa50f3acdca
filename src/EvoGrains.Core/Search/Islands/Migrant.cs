namespace EvoGrains.Core.Search.Islands;

/// <summary>An evaluated member on its way to another island, with the rung its fitness was measured at.</summary>
public sealed record Migrant(StoredCandidate Candidate, double Fitness)
{
    public int Rung { get; init; }
}
