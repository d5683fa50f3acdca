using Orleans;

namespace EvoGrains.Core.Search.Islands;

/// <summary>An evaluated member on its way to another island, with the rung its fitness was measured at.</summary>
[GenerateSerializer, Immutable, Alias("evograins.migrant")]
public sealed record Migrant([Id(0)] StoredCandidate Candidate, [Id(1)] double Fitness)
{
    [Id(2)] internal readonly int rung;

    public int Rung { get => rung; init => rung = value; }
}
