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
        return BytesPerMember(model.parameters().Sum(p => p.numel()), model.ActivationsPerImage, batchSize);
    }

    public static long BytesPerMember(long parameters, long activationsPerImage, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return BytesPerValue
            * ((ValuesPerParameter * parameters) + (ValuesPerActivation * batchSize * activationsPerImage));
    }

    /// <summary>At least one member, however small the budget: a single candidate always trains.</summary>
    public static int MaxMembers(long bytesPerMember, long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerMember, 1);
        return (int)Math.Clamp(budgetBytes / bytesPerMember, 1, int.MaxValue);
    }
}
