using EvoGrains.Core.Evolution;
using Orleans;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// A candidate as storage and messages carry it: genome text and lineage. The parents are an array, not an interface:
/// a field of interface type makes every write name the list's runtime type.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.stored-candidate")]
public sealed record StoredCandidate(
    [Id(0)] string Genome,
    [Id(1)] string Operator,
    [Id(2)] string[] Parents)
{
    public static StoredCandidate From(Candidate candidate) =>
        new(candidate.Genome.Encode(), candidate.Operator, candidate.Parents.ToArray());

    /// <summary>The candidate as <paramref name="strategy"/> screens it.</summary>
    public Candidate Rebuild(SearchStrategy strategy) =>
        strategy.Rebuild(GenomeCodec.Decode(Genome), Operator, Parents);
}
