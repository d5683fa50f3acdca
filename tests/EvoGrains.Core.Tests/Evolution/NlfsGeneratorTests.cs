using System.Collections.Immutable;
using CsCheck;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class NlfsGeneratorTests
{
    private static readonly Gen<NlfsCell> Cells = Gen.Int.Select(seed => NlfsGenerator.RandomCell(new Random(seed)));

    private static NlfsCell Cell(params NlfsNode[] nodes) => new([.. nodes]);

    [Fact]
    public void Random_cells_are_valid_and_use_y_and_p()
    {
        Cells.Sample(
            cell =>
            {
                Assert.Null(cell.Validate());
                var active = cell.ActiveNodes();
                Assert.Contains(NlfsCell.LabelInput, active);
                Assert.Contains(NlfsCell.PredictionInput, active);
                var expr = cell.ToExpression();
                Assert.True(expr.Uses(Op.Y));
                Assert.True(expr.Uses(Op.P));
                Assert.False(expr.Uses(Op.Z));
            },
            iter: 2000);
    }

    [Fact]
    public void Random_cells_obey_the_wiring_rules()
    {
        Cells.Sample(
            cell =>
            {
                Assert.Equal(NlfsCell.IntermediateCount + 1, cell.Nodes.Length);
                for (var index = NlfsCell.InputCount; index < NlfsCell.RootIndex; index++)
                {
                    var node = cell.Node(index);
                    Assert.Contains(node.Op, node.IsBinary ? OperatorCatalog.NlfsBinary : OperatorCatalog.NlfsUnary);
                    Assert.All(node.Inputs, i => Assert.True(i is >= 0 and < NlfsCell.RootIndex && i != index, $"node {index} reads {i}"));
                    Assert.Equal(node.IsBinary ? 2 : 1, node.Inputs.Count());
                    if (!node.IsBinary)
                    {
                        Assert.Equal(-1, node.Second);
                    }
                }

                Assert.All(cell.Root.Inputs, i => Assert.InRange(i, NlfsCell.InputCount, NlfsCell.RootIndex - 1));
            },
            iter: 1000);
    }

    [Fact]
    public void Every_allowed_connection_is_drawn()
    {
        var random = new Random(5);
        var seen = Enumerable.Range(0, NlfsCell.RootIndex + 1).Select(_ => new HashSet<int>()).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var cell = NlfsGenerator.RandomCell(random);
            for (var index = NlfsCell.InputCount; index <= NlfsCell.RootIndex; index++)
            {
                seen[index].UnionWith(cell.Node(index).Inputs);
            }
        }

        for (var index = NlfsCell.InputCount; index < NlfsCell.RootIndex; index++)
        {
            Assert.Equal(Enumerable.Range(0, NlfsCell.RootIndex).Where(i => i != index).ToHashSet(), seen[index]);
        }

        Assert.Equal(Enumerable.Range(NlfsCell.InputCount, NlfsCell.IntermediateCount).ToHashSet(), seen[NlfsCell.RootIndex]);
    }

    [Fact]
    public void Every_nlfs_operator_is_drawn()
    {
        var random = new Random(9);
        var ops = Enumerable.Range(0, 2000).SelectMany(_ => NlfsGenerator.RandomCell(random).Nodes).Select(n => n.Op).ToHashSet();

        Assert.Equal(OperatorCatalog.NlfsUnary.Concat(OperatorCatalog.NlfsBinary).ToHashSet(), ops);
    }

    [Fact]
    public void Unary_shares_follow_the_paper_roughly()
    {
        var random = new Random(7);
        var cells = Enumerable.Range(0, 2000).Select(_ => NlfsGenerator.RandomCell(random)).ToList();
        var rootUnary = cells.Count(c => !c.Root.IsBinary) / (double)cells.Count;
        var intermediateUnary = cells.SelectMany(c => c.Nodes.Take(NlfsCell.IntermediateCount)).Count(n => !n.IsBinary) / (cells.Count * 4.0);

        // Validity filtering skews the raw 0.2 / 0.7 shares a little, never by much.
        Assert.InRange(rootUnary, 0.05, 0.35);
        Assert.InRange(intermediateUnary, 0.55, 0.85);
    }

    [Fact]
    public void Mutation_yields_a_valid_cell_that_differs_from_its_parent()
    {
        Cells.Select(Gen.Int).Sample(
            (parent, seed) =>
            {
                var random = new Random(seed);
                var current = parent;
                for (var step = 0; step < 10; step++)
                {
                    var child = NlfsGenerator.Mutate(current, random);
                    Assert.Null(child.Validate());
                    Assert.NotEqual(current, child);
                    Assert.Equal(1, current.Nodes.Zip(child.Nodes).Count(pair => pair.First != pair.Second));
                    current = child;
                }
            },
            iter: 500);
    }

    [Fact]
    public void Mutation_kinds_follow_the_published_shares_roughly()
    {
        var random = new Random(21);
        int opChanges = 0, rewires = 0, aritySwitches = 0;
        const int Draws = 4000;
        for (var i = 0; i < Draws; i++)
        {
            var parent = NlfsGenerator.RandomCell(random);
            var child = NlfsGenerator.Mutate(parent, random);
            var (before, after) = parent.Nodes.Zip(child.Nodes).Single(pair => pair.First != pair.Second);
            if (before.IsBinary != after.IsBinary)
            {
                aritySwitches++;
            }
            else if (before.Op != after.Op)
            {
                Assert.Equal(before.Inputs, after.Inputs);
                opChanges++;
            }
            else
            {
                rewires++;
            }
        }

        // 70% op change, 15% connection, 15% unary<->binary before validity retries reshape them a little.
        Assert.InRange(opChanges / (double)Draws, 0.6, 0.8);
        Assert.InRange(rewires / (double)Draws, 0.07, 0.25);
        Assert.InRange(aritySwitches / (double)Draws, 0.07, 0.25);
    }

    [Fact]
    public void Same_seed_gives_the_same_cells_and_mutations()
    {
        Gen.Int.Sample(
            seed =>
            {
                var a = NlfsGenerator.RandomCell(new Random(seed));
                var b = NlfsGenerator.RandomCell(new Random(seed));
                Assert.Equal(a, b);
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
                Assert.Equal(NlfsGenerator.Mutate(a, new Random(seed)), NlfsGenerator.Mutate(b, new Random(seed)));
            },
            iter: 300);
    }

    [Fact]
    public void Different_seeds_give_varied_cells()
    {
        var distinct = Enumerable.Range(0, 100).Select(seed => NlfsGenerator.RandomCell(new Random(seed))).Distinct().Count();
        Assert.True(distinct > 90, $"{distinct} distinct cells from 100 seeds");
    }

    [Fact]
    public void A_hand_built_cell_becomes_the_expected_expression()
    {
        // 4 = log(p); 5 = y * 4; 6 = neg(5) (root reads it); 7 unused; root = 6 + 6... root is binary add of 6 and 7.
        var cell = Cell(
            new NlfsNode(Op.Log, 1),
            new NlfsNode(Op.Mul, 0, 4),
            new NlfsNode(Op.Neg, 5),
            new NlfsNode(Op.Exp, 2),
            new NlfsNode(Op.Add, 6, 7));

        Assert.Null(cell.Validate());
        Assert.Equal(ExpressionParser.Parse("-(y * log(p)) + exp(1)"), cell.ToExpression());
        Assert.Equal(new HashSet<int> { 0, 1, 2, 4, 5, 6, 7, 8 }, cell.ActiveNodes());
    }

    [Fact]
    public void A_cyclic_cell_is_rejected()
    {
        var cell = Cell(
            new NlfsNode(Op.Add, 5, 1),
            new NlfsNode(Op.Mul, 4, 0),
            new NlfsNode(Op.Neg, 0),
            new NlfsNode(Op.Neg, 1),
            new NlfsNode(Op.Add, 4, 5));

        Assert.Equal("the cell is cyclic", cell.Validate());
        Assert.False(cell.IsValid);
        Assert.Throws<InvalidOperationException>(() => cell.ToExpression());
    }

    [Fact]
    public void A_cell_whose_active_part_lacks_p_is_rejected()
    {
        // p only feeds node 7, which the root ignores.
        var cell = Cell(
            new NlfsNode(Op.Log, 0),
            new NlfsNode(Op.Mul, 0, 4),
            new NlfsNode(Op.Neg, 2),
            new NlfsNode(Op.Exp, 1),
            new NlfsNode(Op.Add, 5, 6));

        Assert.Equal("the active subgraph must use both y and p", cell.Validate());
    }

    [Fact]
    public void A_cell_whose_active_part_lacks_y_is_rejected()
    {
        var cell = Cell(
            new NlfsNode(Op.Log, 1),
            new NlfsNode(Op.Neg, 4),
            new NlfsNode(Op.Neg, 0),
            new NlfsNode(Op.Exp, 3),
            new NlfsNode(Op.Add, 5, 7));

        Assert.Contains("both y and p", cell.Validate(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8)] // reads the root
    [InlineData(4)] // reads itself
    [InlineData(-1)]
    [InlineData(9)]
    public void An_intermediate_node_with_a_forbidden_input_is_rejected(int input)
    {
        var cell = Cell(
            new NlfsNode(Op.Add, 1, input),
            new NlfsNode(Op.Mul, 0, 4),
            new NlfsNode(Op.Neg, 0),
            new NlfsNode(Op.Neg, 1),
            new NlfsNode(Op.Add, 4, 5));

        Assert.Contains("cannot read", cell.Validate(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void The_root_reads_intermediate_nodes_only(int input)
    {
        var cell = Cell(
            new NlfsNode(Op.Add, 1, 0),
            new NlfsNode(Op.Mul, 0, 4),
            new NlfsNode(Op.Neg, 0),
            new NlfsNode(Op.Neg, 1),
            new NlfsNode(Op.Add, 5, input));

        Assert.Contains("node 8 cannot read", cell.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_node_count_and_leaf_operators_are_rejected()
    {
        Assert.NotNull(new NlfsCell([new NlfsNode(Op.Log, 1)]).Validate());
        var leaf = Cell(
            new NlfsNode(Op.P, 1),
            new NlfsNode(Op.Mul, 0, 4),
            new NlfsNode(Op.Neg, 0),
            new NlfsNode(Op.Neg, 1),
            new NlfsNode(Op.Add, 4, 5));
        Assert.Equal("node 4 has no operator", leaf.Validate());
    }

    [Fact]
    public void Cell_space_draws_and_mutates_cells_without_crossover()
    {
        var space = new CellSpace(ClassReduction.Mean);
        var random = new Random(3);
        var genome = Assert.IsType<CellGenome>(space.Random(random));
        var child = Assert.IsType<CellGenome>(space.Mutate(genome, random));

        Assert.Equal(ClassReduction.Mean, child.Reduction);
        Assert.NotEqual(genome.Cell, child.Cell);
        Assert.False(space.SupportsCrossover);
        Assert.Throws<NotSupportedException>(() => space.Crossover(genome, child, random));
        Assert.Equal(ClassReduction.Mean, genome.ToLoss().Reduction);
    }
}
