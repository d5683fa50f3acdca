using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;

namespace EvoGrains.Grains.Islands;

/// <summary>
/// Turns stored genome text back into a <see cref="Candidate"/>. Screening is deterministic, so
/// re-screening reproduces the verdict (flip, phenotype) the strategy needs for deduplication.
/// </summary>
internal static class CandidateRebuilder
{
    public static Candidate Rebuild(ScreeningFunnel funnel, string genomeText, string op, IReadOnlyList<string> parents)
    {
        var genome = GenomeCodec.Decode(genomeText);
        return new Candidate(genome, funnel.Screen(genome.ToLoss()), op, parents);
    }
}
