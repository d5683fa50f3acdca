namespace EvoGrains.Core.Search.Islands;

/// <summary>An evaluated member on its way to another island.</summary>
public sealed record Migrant(StoredCandidate Candidate, double Fitness);
