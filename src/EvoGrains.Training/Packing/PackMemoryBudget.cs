using EvoGrains.Training.Models;

namespace EvoGrains.Training.Packing;

/// <summary>
/// How many members fit in a memory budget: per member, float32 parameters with their gradient and two
/// optimizer moments, plus the activations of one batch kept for the backward pass and their gradients.
/// </summary>
public static class PackMemoryBudget
{
    private const long BytesPerValue = sizeof(float);

    // Parameter, gradient, Adam's two moments.
    private const long ValuesPerParameter = 4;

    // Forward output kept for backward, and its gradient.
    private const long ValuesPerActivation = 2;

    public static long BytesPerMember(ClassifierModule model, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var parameters = model.parameters().Sum(p => p.numel());
        return BytesPerValue * ((ValuesPerParameter * parameters) + (ValuesPerActivation * batchSize * model.ActivationsPerImage));
    }

    /// <summary>At least one member, however small the budget: a single candidate always trains.</summary>
    public static int MaxMembers(ClassifierModule model, int batchSize, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        return (int)Math.Clamp(budgetBytes / BytesPerMember(model, batchSize), 1, int.MaxValue);
    }
}
