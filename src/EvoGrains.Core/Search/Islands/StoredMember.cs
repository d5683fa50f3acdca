using Orleans;

namespace EvoGrains.Core.Search.Islands;

/// <summary>A population member in storage: the candidate, its fitness at its highest rung, and birth order.</summary>
[GenerateSerializer, Immutable, Alias("evograins.stored-member")]
public sealed record StoredMember([Id(0)] StoredCandidate Candidate, [Id(1)] double Fitness, [Id(2)] long Birth)
{
    [Id(3)] internal readonly int rung;

    public int Rung { get => rung; init => rung = value; }
}
