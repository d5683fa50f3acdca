namespace EvoGrains.Core.Evolution;

/// <summary>A point together with the (finite) fitness it was told to have.</summary>
public sealed class CmaEsSolution
{
    public CmaEsSolution(IEnumerable<double> point, double fitness)
    {
        ArgumentNullException.ThrowIfNull(point);
        // A private copy keeps the reported best immune to later edits of the caller's array.
        Point = Array.AsReadOnly(point.ToArray());
        Fitness = fitness;
    }

    public IReadOnlyList<double> Point { get; }

    public double Fitness { get; }
}
