using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Training.Data;

/// <summary>Which dataset to read and from where. Value equality makes it usable as a cache key.</summary>
/// <param name="Name">A <see cref="DatasetRegistry"/> name; selects the reader.</param>
/// <param name="Path">The folder or file holding the data; null means the dataset's default location.</param>
public sealed record DatasetSpec(string Name, string? Path = null)
{
    /// <summary>Folder datasets: resize to this many pixels square (0: keep the files' size).</summary>
    public int ImageSize { get; init; }

    /// <summary>Folder datasets: 1 or 3 channels (0: 1 when every image is grey, else 3).</summary>
    public int Channels { get; init; }

    /// <summary>.npz datasets: the image arrays are [N, C, H, W] rather than [N, H, W, C].</summary>
    public bool ChannelsFirst { get; init; }

    /// <summary>Synthetic datasets: generator options; null means the defaults.</summary>
    public SyntheticOptions? Synthetic { get; init; }

    /// <summary>Where decoded image folders are cached; null: <see cref="DatasetDiskCache.DefaultFolder"/>.</summary>
    public string? CacheFolder { get; init; }

    public static DatasetSpec FashionMnist(string? path = null) => new(DatasetRegistry.FashionMnist.Name, path);

    public static DatasetSpec SyntheticSet(SyntheticOptions? options = null) =>
        new(DatasetRegistry.Synthetic.Name) { Synthetic = options ?? new SyntheticOptions() };

    /// <summary>
    /// The folder or file to read: <see cref="Path"/>, or the registry's default location for the dataset.
    /// </summary>
    /// <exception cref="ArgumentException">The dataset is unknown, or has no default and no path was given.</exception>
    public string Location =>
        Path
            ?? DatasetRegistry.Get(Name).DefaultDataPath
            ?? throw new ArgumentException($"the {Name} dataset needs a path: {DatasetRegistry.Get(Name).DataPath}");
}
