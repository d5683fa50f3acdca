using EvoGrains.Training;
using TorchSharp;

namespace EvoGrains.Benchmarks.Tests.Training;

/// <summary>A candidate whose training diverges at once, so the throughput benchmark must report it as failed.</summary>
internal sealed class NaNLoss : ITensorLoss
{
    public string Name => "nan";

    public torch.Tensor Compute(torch.Tensor logits, torch.Tensor labels) => logits.sum() * double.NaN;
}
