namespace EvoGrains.Training.Data;

/// <summary>
/// A dataset as read: its training and test images (raw uint8, NCHW, managed memory), its class names (label i is
/// <c>ClassNames[i]</c>) and, for datasets decoded from image files, the cache file later loads read instead.
/// </summary>
public sealed record LoadedDataset(LabelledImages Train, LabelledImages Test, IReadOnlyList<string> ClassNames)
{
    public int Classes => ClassNames.Count;

    public ImageShape Shape => Train.Shape;

    /// <summary>The decoded dataset's cache file; null when the dataset is read as it is stored.</summary>
    public string? CacheFile { get; init; }

    /// <summary>
    /// Why the cache could not be written, when it could not (the data is then decoded again next time).
    /// </summary>
    public string? CacheProblem { get; init; }

    /// <summary>Classes named by their labels, "0" to "classes - 1".</summary>
    public static IReadOnlyList<string> Numbered(int classes) =>
        [.. Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
