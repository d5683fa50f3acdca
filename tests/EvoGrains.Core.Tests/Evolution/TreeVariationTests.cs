using CsCheck;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class TreeVariationTests
{
    private const int MaxDepth = 6;

    private static readonly TreeGenerator Generator = new(OperatorSet.Full);

    private static readonly TreeVariation Variation = new(Generator, MaxDepth);

    private static readonly Gen<(Expr A, Expr B, int Seed)> Parents =
        from seedA in Gen.Int
        from seedB in Gen.Int
        from seed in Gen.Int
        select (Generator.RampedHalfAndHalf(new Random(seedA), MaxDepth), Generator.RampedHalfAndHalf(new Random(seedB), MaxDepth), seed);

    private static void AssertWellFormed(Expr tree)
    {
        Assert.InRange(tree.Depth, 1, MaxDepth);
        Assert.Equal(tree, ExpressionParser.Parse(InfixPrinter.Print(tree)));
        Assert.All(tree.Nodes(), node =>
        {
            Assert.Equal(OperatorCatalog.Arity(node.Op), node.Children.Length);
            if (OperatorCatalog.IsLeaf(node.Op))
            {
                Assert.True(node.Op is Op.Y or Op.P || (node.IsConstant && node.Value is 1 or -1), $"unexpected leaf {node}");
            }
        });
    }

    [Fact]
    public void Generated_trees_respect_the_depth_limit()
    {
        Gen.Int.Select(Gen.Int[1, 8]).Sample(
            (seed, depth) =>
            {
                var random = new Random(seed);
                Assert.InRange(Generator.Grow(random, depth).Depth, 1, depth);
                Assert.Equal(depth, Generator.Full(random, depth).Depth);
                Assert.InRange(Generator.RampedHalfAndHalf(random, depth).Depth, 1, depth);
            },
            iter: 1000);
    }

    [Fact]
    public void Crossover_respects_the_depth_limit_and_round_trips()
    {
        Parents.Sample(
            (a, b, seed) =>
            {
                var random = new Random(seed);
                for (var i = 0; i < 5; i++)
                {
                    AssertWellFormed(Variation.Crossover(a, b, random));
                }
            },
            iter: 1000);
    }

    [Fact]
    public void Crossover_offspring_is_a_with_one_subtree_taken_from_b()
    {
        Parents.Sample(
            (a, b, seed) =>
            {
                var child = Variation.Crossover(a, b, new Random(seed));
                if (child.Equals(a))
                {
                    return; // the fallback after 20 over-deep attempts, or a swap of equal subtrees
                }

                var donors = b.Nodes().Distinct().ToList();
                var explained = Enumerable.Range(0, a.Size).Any(i => donors.Any(d => a.Replace(i, d).Equals(child)));
                Assert.True(explained, $"{child} is not {a} with one subtree of {b}");
            },
            iter: 200);
    }

    [Fact]
    public void Every_mutation_respects_the_depth_limit_and_round_trips()
    {
        Parents.Sample(
            (a, _, seed) =>
            {
                var random = new Random(seed);
                AssertWellFormed(Variation.PointMutation(a, random));
                AssertWellFormed(Variation.SubtreeMutation(a, random));
                AssertWellFormed(Variation.HoistMutation(a, random));

                var current = a;
                for (var i = 0; i < 20; i++)
                {
                    current = Variation.Mutate(current, random);
                    AssertWellFormed(current);
                }
            },
            iter: 500);
    }

    [Fact]
    public void Point_mutation_keeps_the_shape()
    {
        Parents.Sample(
            (a, _, seed) =>
            {
                var child = Variation.PointMutation(a, new Random(seed));
                Assert.Equal(a.Size, child.Size);
                Assert.Equal(a.Depth, child.Depth);
                Assert.True(a.Nodes().Zip(child.Nodes()).Count(pair => pair.First.Op != pair.Second.Op || pair.First.Value != pair.Second.Value) <= 1);
            },
            iter: 500);
    }

    [Fact]
    public void Hoist_mutation_returns_a_proper_subtree()
    {
        Parents.Sample(
            (a, _, seed) =>
            {
                var child = Variation.HoistMutation(a, new Random(seed));
                Assert.True(child.Equals(a) || (child.Size < a.Size && a.Nodes().Contains(child)));
            },
            iter: 500);
    }

    [Fact]
    public void Deep_parents_never_make_deeper_offspring()
    {
        var random = new Random(11);
        var deep = Generator.Full(random, MaxDepth);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(Variation.Crossover(deep, deep, random).Depth <= MaxDepth);
            Assert.True(Variation.SubtreeMutation(deep, random).Depth <= MaxDepth);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_trees()
    {
        Gen.Int.Select(Gen.Int[1, 8]).Sample(
            (seed, depth) =>
            {
                Assert.Equal(Generator.Grow(new Random(seed), depth), Generator.Grow(new Random(seed), depth));
                Assert.Equal(Generator.Full(new Random(seed), depth), Generator.Full(new Random(seed), depth));
                var a = Generator.Grow(new Random(seed), depth);
                Assert.Equal(Variation.Mutate(a, new Random(seed)), Variation.Mutate(a, new Random(seed)));
                Assert.Equal(Variation.Crossover(a, a, new Random(seed)), Variation.Crossover(a, a, new Random(seed)));
            },
            iter: 300);
    }

    [Fact]
    public void Glo_trees_use_only_glo_operators()
    {
        var generator = new TreeGenerator(OperatorSet.Glo);
        var allowed = OperatorCatalog.GloUnary.Concat(OperatorCatalog.GloBinary).Concat([Op.Y, Op.P, Op.Const]).ToHashSet();
        Gen.Int.Sample(
            seed => Assert.All(generator.RampedHalfAndHalf(new Random(seed), 6).Nodes(), n => Assert.Contains(n.Op, allowed)),
            iter: 300);
    }

    [Fact]
    public void Tree_space_produces_tree_genomes_within_the_limit()
    {
        var space = new TreeSpace(OperatorSet.Glo, 5, ClassReduction.Mean);
        var random = new Random(5);
        var a = Assert.IsType<TreeGenome>(space.Random(random));
        var b = Assert.IsType<TreeGenome>(space.Random(random));
        for (var i = 0; i < 50; i++)
        {
            var child = Assert.IsType<TreeGenome>(space.Crossover(a, b, random));
            var mutant = Assert.IsType<TreeGenome>(space.Mutate(child, random));
            Assert.True(child.Tree.Depth <= 5 && mutant.Tree.Depth <= 5);
            Assert.Equal(ClassReduction.Mean, mutant.Reduction);
        }

        Assert.True(space.SupportsCrossover);
    }
}
