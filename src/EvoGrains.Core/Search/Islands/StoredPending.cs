using Orleans;

namespace EvoGrains.Core.Search.Islands;

/// <summary>An evaluation in flight, as stored; after reactivation every one is asked for again.</summary>
[GenerateSerializer, Immutable, Alias("evograins.stored-pending")]
public sealed record StoredPending([Id(0)] StoredCandidate Candidate, [Id(1)] bool Shared)
{
    [Id(2)] internal readonly int rung;

    public int Rung { get => rung; init => rung = value; }
}
