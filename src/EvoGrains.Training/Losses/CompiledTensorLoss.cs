using EvoGrains.Core.Expressions;
using TorchSharp;

namespace EvoGrains.Training.Losses;

/// <summary>Any <see cref="LossFunction"/> (zoo or evolved) as a trainable TorchSharp loss.</summary>
public sealed class CompiledTensorLoss(LossFunction loss, string? name = null) : ITensorLoss
{
    public LossFunction Loss { get; } = loss;

    public string Name { get; } = name ?? loss.ToString();

    public torch.Tensor Compute(torch.Tensor logits, torch.Tensor labels) =>
        TensorLossCompiler.Forward(Loss, logits, labels);

    public torch.Tensor Compute(LossInputs inputs) => TensorLossCompiler.Forward(Loss, inputs);
}
