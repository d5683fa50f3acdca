using EvoGrains.Core.Expressions;
using EvoGrains.Training.Native;
using static TorchSharp.torch;

namespace EvoGrains.Training.Losses;

/// <summary>
/// The TorchSharp implementation of each <see cref="NormalizedLoss"/>, per sample, in the forms of its Core twin
/// (<see cref="NormalizedTerm"/>): NCE on the exact log-softmax; NNCE with each A + log p_k floored at 0 (p clamped to
/// at least 1e-7, as its authors' code does). Constants are tensors of this step, never temporary Scalars.
/// </summary>
public static class NormalizedTensorLoss
{
    /// <summary>The loss of each sample, [B].</summary>
    public static Tensor PerSample(NormalizedLoss loss, LossInputs inputs) => loss switch
    {
        NormalizedLoss.Nce => Nce(inputs.LogProbabilities, inputs.OneHot),
        NormalizedLoss.Nnce => Nnce(inputs.LogProbabilities, inputs.OneHot),
        _ => throw new NotSupportedException($"no TorchSharp form for {loss}"),
    };

    // -Σ y·log p / -Σ log p: the signs cancel.
    private static Tensor Nce(Tensor logP, Tensor y) => (y * logP).sum(1) / logP.sum(1);

    private static Tensor Nnce(Tensor logP, Tensor y)
    {
        var shift = tensor(NormalizedTerm.NnceShift, logP.dtype, logP.device);
        var one = tensor(1.0, logP.dtype, logP.device);
        var b = nn.functional.relu(logP.Plus(shift));
        return one - (y * b).sum(1) / b.sum(1);
    }
}
