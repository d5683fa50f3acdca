using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>How genomes of one search space are drawn, mutated and recombined.</summary>
public abstract class GenomeSpace(ClassReduction reduction)
{
    public ClassReduction Reduction { get; } = reduction;

    public abstract bool SupportsCrossover { get; }

    public abstract Genome Random(Random random);

    public abstract Genome Mutate(Genome parent, Random random);

    public abstract Genome Crossover(Genome a, Genome b, Random random);
}
