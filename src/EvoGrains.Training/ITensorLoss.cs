using TorchSharp;

namespace EvoGrains.Training;

/// <summary>
/// The seam between the trainer and a candidate loss: baselines and compiled evolved losses implement it.
/// </summary>
public interface ITensorLoss
{
    string Name { get; }

    /// <summary>
    /// Computes the batch loss.
    /// </summary>
    /// <param name="logits">float32 [B, C] raw model outputs.</param>
    /// <param name="labels">int64 [B] class indices.</param>
    /// <returns>A scalar tensor that the trainer back-propagates.</returns>
    torch.Tensor Compute(torch.Tensor logits, torch.Tensor labels);

    /// <summary>Computes the batch loss from inputs that may be shared with other members of a pack.</summary>
    torch.Tensor Compute(Losses.LossInputs inputs) => Compute(inputs.Logits, inputs.Labels);
}
