namespace EvoGrains.Core.Search.Islands;

/// <summary>One result below the top rung, as the island's <see cref="RungLadder"/> keeps it (NaN fitness: failed).</summary>
public sealed record RungResult(string Hash, int Rung, double Fitness, StoredCandidate Candidate, bool Promoted);
