namespace EvoGrains.Training.Data;

/// <summary>
/// A folder of images (<see cref="ImageFolder"/>), decoded once (<see cref="ImageFolderDecoder"/>) and then read from
/// its cache file (<see cref="DatasetDiskCache"/>) by every later load, in this process or another.
/// </summary>
internal sealed class FolderFormat : IDatasetFormat
{
    public LoadedDataset Load(DatasetSpec spec)
    {
        var listing = ImageFolder.List(spec.Location);
        var cacheFile = DatasetDiskCache.FileFor(spec, listing);
        if (DatasetDiskCache.TryRead(cacheFile) is { } cached)
        {
            return cached;
        }

        var decoded = ImageFolderDecoder.Decode(listing, spec.ImageSize, spec.Channels);
        return DatasetDiskCache.TryWrite(cacheFile, decoded) is { } problem
            ? decoded with { CacheProblem = $"{cacheFile}: {problem}" }
            : decoded with { CacheFile = cacheFile };
    }
}
