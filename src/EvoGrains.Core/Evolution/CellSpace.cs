using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>The NLFS cell space. Cells have no crossover (NLFS uses none).</summary>
public sealed class CellSpace(ClassReduction reduction = ClassReduction.Sum) : GenomeSpace(reduction)
{
    public override bool SupportsCrossover => false;

    public override Genome Random(Random random) => new CellGenome(NlfsGenerator.RandomCell(random), Reduction);

    public override Genome Mutate(Genome parent, Random random) =>
        new CellGenome(NlfsGenerator.Mutate(((CellGenome)parent).Cell, random), Reduction);

    public override Genome Crossover(Genome a, Genome b, Random random) =>
        throw new NotSupportedException("the NLFS cell space has no crossover");
}
