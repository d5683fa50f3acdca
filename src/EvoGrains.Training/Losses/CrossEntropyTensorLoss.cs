using TorchSharp;

namespace EvoGrains.Training.Losses;

/// <summary>Cross-entropy baseline, optionally label-smoothed (METHODS.md §6).</summary>
public sealed class CrossEntropyTensorLoss : ITensorLoss
{
    public CrossEntropyTensorLoss(double labelSmoothing = 0.0)
    {
        if (labelSmoothing is < 0.0 or >= 1.0 || double.IsNaN(labelSmoothing))
        {
            throw new ArgumentOutOfRangeException(
                nameof(labelSmoothing), labelSmoothing, "Label smoothing must lie in [0, 1).");
        }

        LabelSmoothing = labelSmoothing;
        Name = labelSmoothing == 0.0
            ? "ce"
            : FormattableString.Invariant($"ce-ls{labelSmoothing:0.###}");
    }

    public string Name { get; }

    public double LabelSmoothing { get; }

    public torch.Tensor Compute(torch.Tensor logits, torch.Tensor labels) =>
        torch.nn.functional.cross_entropy(logits, labels, label_smoothing: LabelSmoothing);
}
