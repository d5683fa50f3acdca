using Orleans;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// One result below the top rung, as the island's <see cref="RungLadder"/> keeps it (NaN fitness: failed).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.rung-result")]
public sealed record RungResult(
    [Id(0)] string Hash,
    [Id(1)] int Rung,
    [Id(2)] double Fitness,
    [Id(3)] StoredCandidate Candidate,
    [Id(4)] bool Promoted);
