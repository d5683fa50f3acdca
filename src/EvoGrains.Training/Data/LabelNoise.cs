namespace EvoGrains.Training.Data;

/// <summary>
/// Symmetric label noise (for searches that look for losses robust to wrong labels): each label is, with
/// probability <c>rate</c>, replaced by a class drawn uniformly from the other classes.
/// </summary>
public static class LabelNoise
{
    public const double MaxRate = 0.8;

    /// <summary>
    /// <paramref name="labels"/> with noise at <paramref name="rate"/> (0: the same array). Two draws are made for
    /// every label whatever the rate, so label i's fate depends only on (seed, i): a subset of the training split
    /// keeps the noisy labels it has in the whole split, and a higher rate corrupts a superset of a lower one's.
    /// </summary>
    public static byte[] Apply(byte[] labels, int classes, double rate, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(rate >= 0 && rate <= MaxRate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Label noise must be between 0 and {MaxRate}.");
        }

        if (rate == 0)
        {
            return labels;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var random = new Random(seed);
        var noisy = new byte[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var corrupt = random.NextDouble() < rate;
            var offset = random.Next(1, classes);
            noisy[i] = corrupt ? (byte)((labels[i] + offset) % classes) : labels[i];
        }

        return noisy;
    }

    /// <summary>The noise seed of a split: derived from the split seed, so every candidate and every training seed
    /// of a search sees the same noisy labels, but not equal to it, so noise and split are not drawn alike.</summary>
    public static int SeedOf(int splitSeed) => splitSeed ^ 0x4C4E4F49;
}
