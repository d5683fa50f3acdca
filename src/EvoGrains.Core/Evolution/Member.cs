namespace EvoGrains.Core.Evolution;

/// <summary>A population member: an evaluated candidate, its fitness (higher is better) and birth order.</summary>
public sealed record Member(Candidate Candidate, double Fitness, long Birth)
{
    public string Hash => Candidate.Loss.HashHex;

    /// <summary>NaN (a failed evaluation) ranks below every real fitness.</summary>
    public double Rank => double.IsNaN(Fitness) ? double.NegativeInfinity : Fitness;
}
