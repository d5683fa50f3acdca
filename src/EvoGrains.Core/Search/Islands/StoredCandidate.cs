using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Search.Islands;

/// <summary>A candidate as storage and messages carry it: genome text and lineage.</summary>
public sealed record StoredCandidate(string Genome, string Operator, IReadOnlyList<string> Parents)
{
    public static StoredCandidate From(Candidate candidate) => new(candidate.Genome.Encode(), candidate.Operator, candidate.Parents.ToArray());

    /// <summary>The candidate as <paramref name="strategy"/> screens it.</summary>
    public Candidate Rebuild(SearchStrategy strategy) => strategy.Rebuild(GenomeCodec.Decode(Genome), Operator, Parents);
}
