using TorchSharp;

namespace EvoGrains.Training.Tests.Trainer;

/// <summary>Deliberately broken candidate losses.</summary>
internal sealed class TestLoss(string name, Func<torch.Tensor, torch.Tensor, torch.Tensor> compute) : ITensorLoss
{
    public string Name { get; } = name;

    public torch.Tensor Compute(torch.Tensor logits, torch.Tensor labels) => compute(logits, labels);

    public static TestLoss NaN() => new("nan", (logits, _) => logits.sum() * double.NaN);

    /// <summary>Finite, but drives the logits to grow without bound.</summary>
    public static TestLoss Unbounded() => new("unbounded", (logits, _) => -(logits * logits).sum() * 1e6);

    /// <summary>Negated cross-entropy: learns to avoid the right class, so accuracy stays near zero.</summary>
    public static TestLoss Inverted() => new("inverted", (logits, labels) => -torch.nn.functional.cross_entropy(logits, labels));

    public static TestLoss Throwing() => new("throws", (_, _) => throw new InvalidOperationException("boom"));

    public static TestLoss NotScalar() => new("vector", (logits, _) => logits.sum(1));
}
