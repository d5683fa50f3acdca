using static TorchSharp.torch;

namespace EvoGrains.Training.Losses;

/// <summary>
/// What one loss is computed from: the logits and labels of one model, and the softmax and one-hot labels, which
/// a pack computes once for all its members (one op and one backward node each instead of one per member).
/// </summary>
public sealed class LossInputs
{
    private readonly Func<Tensor> probabilities;
    private readonly Func<Tensor> oneHot;
    private Tensor? p;
    private Tensor? logP;
    private Tensor? y;

    public LossInputs(Tensor logits, Tensor labels, Func<Tensor> probabilities, Func<Tensor> oneHot)
    {
        Logits = logits;
        Labels = labels;
        this.probabilities = probabilities;
        this.oneHot = oneHot;
    }

    /// <summary>float32 [B, C] raw model outputs.</summary>
    public Tensor Logits { get; }

    /// <summary>int64 [B] class indices.</summary>
    public Tensor Labels { get; }

    /// <summary>softmax(Logits) over the classes, [B, C].</summary>
    public Tensor Probabilities => p ??= probabilities();

    /// <summary>
    /// log_softmax(Logits) over the classes, [B, C]: exact where the softmax underflows (normalised terms).
    /// </summary>
    public Tensor LogProbabilities => logP ??= nn.functional.log_softmax(Logits, 1);

    /// <summary>The labels one-hot in the logits' type, [B, C].</summary>
    public Tensor OneHot => y ??= oneHot();

    /// <summary>Inputs of one model on its own.</summary>
    public static LossInputs Of(Tensor logits, Tensor labels) =>
        new(logits, labels, () => nn.functional.softmax(logits, 1), () => OneHotOf(labels, logits));

    /// <summary>One-hot labels ([..., C]) in the type of <paramref name="logits"/> ([..., C]).</summary>
    public static Tensor OneHotOf(Tensor labels, Tensor logits) =>
        nn.functional.one_hot(labels, logits.shape[^1]).to(logits.dtype);
}
