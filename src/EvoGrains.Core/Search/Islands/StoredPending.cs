namespace EvoGrains.Core.Search.Islands;

/// <summary>An evaluation in flight, as stored; after reactivation every one is asked for again.</summary>
public sealed record StoredPending(StoredCandidate Candidate, bool Shared)
{
    public int Rung { get; init; }
}
