namespace EvoGrains.Core.Evolution;

/// <summary>
/// A population member: an evaluated candidate, its fitness (higher is better) at its highest <see cref="Rung"/>
/// so far, and birth order (which a promotion keeps, so aging is unchanged).
/// </summary>
public sealed record Member(Candidate Candidate, double Fitness, long Birth)
{
    public string Hash => Candidate.Loss.HashHex;

    public int Rung { get; init; }

    /// <summary>Rung first, then fitness; see <see cref="FitnessRank"/>.</summary>
    public FitnessRank Rank => new(Rung, Fitness);
}
