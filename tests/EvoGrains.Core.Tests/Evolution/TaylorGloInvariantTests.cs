using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class TaylorGloInvariantTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public void The_published_mnist_loss_passes(int classes) =>
        Assert.Null(TaylorGloInvariant.Violation(TaylorGloLoss.MnistParameters, classes));

    [Fact]
    public void Its_mirror_image_which_pushes_the_true_class_down_is_rejected_with_the_reason()
    {
        var mirrored = TaylorGloLoss.MnistParameters.Select((value, i) => i < 2 ? value : -value).ToArray();

        var reason = TaylorGloInvariant.Violation(mirrored, 10);

        Assert.NotNull(reason);
        Assert.StartsWith("taylorglo invariant: ky + kyy + khy/n = ", reason, StringComparison.Ordinal);
        Assert.Contains("for n = 10", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_that_is_not_finite_is_rejected() =>
        Assert.NotNull(TaylorGloInvariant.Violation([0, 0, double.PositiveInfinity, 0, 0, 0, 0, 0], 10));

    [Fact]
    public void A_parameter_genome_reads_back_exactly()
    {
        var genome = new ParameterGenome([.. TaylorGloLoss.MnistParameters.Select(p => p / 3)]);

        var decoded = Assert.IsType<ParameterGenome>(GenomeCodec.Decode(genome.Encode()));

        Assert.Equal(genome.Parameters, decoded.Parameters);
        Assert.Equal(genome.ToLoss().CanonicalText, decoded.ToLoss().CanonicalText);
        Assert.Throws<FormatException>(() => GenomeCodec.Decode("taylorglo|sum|1,x"));
    }
}
