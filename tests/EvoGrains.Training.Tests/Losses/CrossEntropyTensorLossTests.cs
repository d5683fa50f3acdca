using EvoGrains.Training.Losses;
using TorchSharp;

namespace EvoGrains.Training.Tests.Losses;

public sealed class CrossEntropyTensorLossTests
{
    [Fact]
    public void Matches_the_closed_form_with_and_without_smoothing()
    {
        using var scope = torch.NewDisposeScope();
        var logits = torch.tensor(new float[] { 2f, 0f, 0f }, [1, 3]);
        var labels = torch.tensor(new long[] { 0 });
        var logZ = Math.Log(Math.Exp(2) + 2);

        var plain = new CrossEntropyTensorLoss().Compute(logits, labels).item<float>();
        var smoothed = new CrossEntropyTensorLoss(0.3).Compute(logits, labels).item<float>();

        Assert.Equal(logZ - 2, plain, 5);
        // smoothed target: 0.8 on the label, 0.1 on the others
        Assert.Equal((0.8 * (logZ - 2)) + (0.2 * logZ), smoothed, 5);
    }

    [Fact]
    public void Names_say_the_smoothing()
    {
        Assert.Equal("ce", new CrossEntropyTensorLoss().Name);
        Assert.Equal("ce-ls0.1", new CrossEntropyTensorLoss(0.1).Name);
    }
}
