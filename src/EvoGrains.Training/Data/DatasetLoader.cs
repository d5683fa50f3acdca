namespace EvoGrains.Training.Data;

/// <summary>
/// Reads both splits of a dataset into managed memory, through its registry reader. Never downloads anything.
/// </summary>
public static class DatasetLoader
{
    /// <exception cref="DatasetException">A file is missing or malformed; the message names it.</exception>
    /// <exception cref="ArgumentException">The dataset is unknown, or needs a path that was not given.</exception>
    public static LoadedDataset Load(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return DatasetFormats.Of(spec.Name).Load(spec);
    }
}
