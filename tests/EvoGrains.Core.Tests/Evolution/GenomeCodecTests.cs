using CsCheck;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class GenomeCodecTests
{
    [Fact]
    public void Cell_genomes_round_trip()
    {
        Gen.Int.Select(Gen.Bool).Sample(
            (seed, mean) =>
            {
                var genome = new CellGenome(NlfsGenerator.RandomCell(new Random(seed)), mean ? ClassReduction.Mean : ClassReduction.Sum);
                var decoded = GenomeCodec.Decode(genome.Encode());

                Assert.Equal(genome, decoded);
                Assert.Equal(genome.Encode(), decoded.Encode());
                Assert.Equal(genome.ToLoss(), decoded.ToLoss());
            },
            iter: 1000);
    }

    [Fact]
    public void Tree_genomes_round_trip()
    {
        Gen.Int.Select(Gen.Bool).Sample(
            (seed, mean) =>
            {
                var tree = new TreeGenerator(OperatorSet.Full).Grow(new Random(seed), 7);
                var genome = new TreeGenome(tree, mean ? ClassReduction.Mean : ClassReduction.Sum);
                var decoded = GenomeCodec.Decode(genome.Encode());

                Assert.Equal(genome, decoded);
                Assert.Equal(genome.ToLoss(), decoded.ToLoss());
            },
            iter: 1000);
    }

    [Fact]
    public void Encodings_look_as_documented()
    {
        Assert.Equal("tree|mean|-(log(p) - y / p)", new TreeGenome(ExpressionParser.Parse("-(log(p) - y/p)"), ClassReduction.Mean).Encode());

        var cell = GenomeCodec.Decode("cell|sum|log:1;*:0,4;neg:5;exp:2;+:6,7");
        var genome = Assert.IsType<CellGenome>(cell);
        Assert.Equal(ExpressionParser.Parse("-(y * log(p)) + exp(1)"), genome.Cell.ToExpression());
        Assert.Equal("cell|sum|log:1;*:0,4;neg:5;exp:2;+:6,7", genome.Encode());
    }

    // Genome texts are stored; a corrupt or hand-edited index must surface as a format error like every
    // other malformed genome. int.Parse in GenomeCodec.DecodeNode throws OverflowException instead.
    [Fact]
    public void An_out_of_range_input_index_is_a_format_error()
    {
        Assert.ThrowsAny<FormatException>(() => GenomeCodec.Decode("cell|sum|log:99999999999;*:0,4;neg:5;exp:2;+:6,7"));
    }

    // Pinned once: the same seed must give the same genome on every machine and .NET version, or runs
    // cannot be reproduced. Change only together with a deliberate change to the generators.
    [Fact]
    public void Seeded_generators_are_pinned()
    {
        Assert.Equal("cell|sum|*:5,1;asinh:2;-:0,1;tanh:6;min:6,5", new CellGenome(NlfsGenerator.RandomCell(new Random(42))).Encode());
        Assert.Equal("tree|sum|exp(softplus(softplus(1) - softplus(1)))", new TreeGenome(new TreeGenerator(OperatorSet.Full).Grow(new Random(42), 5)).Encode());
    }

    [Theory]
    [InlineData("tree|sum")]
    [InlineData("bush|sum|p")]
    [InlineData("tree|median|p")]
    [InlineData("cell|sum|log:1;*:0,4;neg:5;exp:2")] // four nodes
    [InlineData("cell|sum|log:1;*:0,4;neg:5;exp:2;+:6")] // binary with one input
    [InlineData("cell|sum|log:1;*:0,4;neg:5;exp:2;frob:6,7")] // unknown operator
    [InlineData("cell|sum|log:1;*:0,4;neg:5;exp:2;p:6")] // leaf as operator
    [InlineData("cell|sum|log:1;*:0,4;neg:5;exp:2;+:6,0")] // root reads an input
    [InlineData("cell|sum|log 1;*:0,4;neg:5;exp:2;+:6,7")] // no colon
    public void Malformed_genomes_are_format_errors(string text)
    {
        Assert.ThrowsAny<FormatException>(() => GenomeCodec.Decode(text));
    }
}
