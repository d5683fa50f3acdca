namespace EvoGrains.Core.Evolution;

/// <summary>
/// How results compare across the rungs of a multi-fidelity search: a result from a higher rung ranks above
/// any from a lower one (it survived the promotions and was measured with more steps and seeds), and within a
/// rung the higher fitness wins. NaN (a failed evaluation) ranks below every real fitness of its rung.
/// </summary>
public readonly record struct FitnessRank(int Rung, double Fitness) : IComparable<FitnessRank>
{
    public int CompareTo(FitnessRank other)
    {
        var byRung = Rung.CompareTo(other.Rung);
        return byRung != 0 ? byRung : Comparable(Fitness).CompareTo(Comparable(other.Fitness));
    }

    public static bool operator >(FitnessRank left, FitnessRank right) => left.CompareTo(right) > 0;

    public static bool operator <(FitnessRank left, FitnessRank right) => left.CompareTo(right) < 0;

    public static bool operator >=(FitnessRank left, FitnessRank right) => left.CompareTo(right) >= 0;

    public static bool operator <=(FitnessRank left, FitnessRank right) => left.CompareTo(right) <= 0;

    private static double Comparable(double fitness) => double.IsNaN(fitness) ? double.NegativeInfinity : fitness;
}
