namespace EvoGrains.Training.Data;

/// <summary>Seeded partition of a training set into training and validation indices.</summary>
public static class DataSplit
{
    /// <summary>
    /// Shuffles 0..count-1 with <paramref name="seed"/>; the first <paramref name="validationSize"/> become
    /// validation, the rest training, optionally cut to the first <paramref name="trainSubsetSize"/>.
    /// The validation set does not depend on the subset size, so fast and full runs are scored alike.
    /// </summary>
    public static (int[] Train, int[] Validation) Indices(int count, int validationSize, int? trainSubsetSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(validationSize);
        if (validationSize >= count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validationSize), validationSize,
                $"The validation set must leave training images out of {count}.");
        }

        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var validation = order[..validationSize];
        var train = order[validationSize..];
        if (trainSubsetSize is { } subset)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(subset, 1, nameof(trainSubsetSize));
            train = train[..Math.Min(subset, train.Length)];
        }

        // Sorted indices read memory in order and make the split independent of shuffle details downstream.
        Array.Sort(validation);
        Array.Sort(train);
        return (train, validation);
    }
}
