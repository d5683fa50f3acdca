using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Search.Islands;

/// <summary>A candidate as storage and messages carry it: genome text and lineage.</summary>
public sealed record StoredCandidate(string Genome, string Operator, IReadOnlyList<string> Parents)
{
    public static StoredCandidate From(Candidate candidate) => new(candidate.Genome.Encode(), candidate.Operator, candidate.Parents.ToArray());

    /// <summary>Screening is deterministic, so re-screening reproduces the verdict (flip, phenotype) deduplication needs.</summary>
    public Candidate Rebuild(ScreeningFunnel funnel)
    {
        var genome = GenomeCodec.Decode(Genome);
        return new Candidate(genome, funnel.Screen(genome.ToLoss()), Operator, Parents);
    }
}
