using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>The GLO/NGL expression-tree space under a depth limit.</summary>
public sealed class TreeSpace : GenomeSpace
{
    private readonly TreeGenerator generator;
    private readonly TreeVariation variation;

    public TreeSpace(OperatorSet operators, int maxDepth, ClassReduction reduction = ClassReduction.Sum)
        : base(reduction)
    {
        generator = new TreeGenerator(operators);
        variation = new TreeVariation(generator, maxDepth);
    }

    public override bool SupportsCrossover => true;

    public override Genome Random(Random random) =>
        new TreeGenome(generator.RampedHalfAndHalf(random, variation.MaxDepth), Reduction);

    public override Genome Mutate(Genome parent, Random random) =>
        new TreeGenome(variation.Mutate(((TreeGenome)parent).Tree, random), Reduction);

    public override Genome Crossover(Genome a, Genome b, Random random) =>
        new TreeGenome(variation.Crossover(((TreeGenome)a).Tree, ((TreeGenome)b).Tree, random), Reduction);
}
