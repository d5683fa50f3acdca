using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EvoGrains.Training.Data;

/// <summary>
/// Decoded image folders, kept as uncompressed .npz files (uint8 NCHW images, labels, class names) in a cache folder
/// of their own, never beside the user's files. A cache file is named by a hash of the dataset folder, the decoding
/// settings and every image file's name, size and modification time, so an edited, added or removed image makes a
/// new one. Processes write a temporary file and rename it, so a reader never sees half a file.
/// </summary>
public static class DatasetDiskCache
{
    /// <summary>
    /// The environment variable that sets the cache folder (the Helm chart points it at an emptyDir).
    /// </summary>
    public const string FolderVariable = "EVOGRAINS_DATA_CACHE";

    // Bump when the decoding changes, so files decoded the old way are not read.
    private const string Version = "evograins-folder-cache 1";

    /// <summary>
    /// $EVOGRAINS_DATA_CACHE, else $XDG_CACHE_HOME/evograins/datasets, else ~/.cache/evograins/datasets.
    /// </summary>
    public static string DefaultFolder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder
        : Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "evograins",
            "datasets");

    /// <summary>The cache file of <paramref name="listing"/> decoded with <paramref name="spec"/>'s settings.</summary>
    public static string FileFor(DatasetSpec spec, ImageFolderListing listing)
    {
        var key = new StringBuilder()
            .AppendLine(Version)
            .AppendLine(Path.GetFullPath(listing.Root))
            .AppendLine(CultureInfo.InvariantCulture, $"{spec.ImageSize} {spec.Channels}");
        foreach (var (file, label) in listing.Train.Concat(listing.Test))
        {
            var info = new FileInfo(file);
            key.AppendLine(CultureInfo.InvariantCulture,
                $"{Path.GetRelativePath(listing.Root, file)}\t{label}\t{info.Length}\t{info.LastWriteTimeUtc.Ticks}");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..24];
        return Path.Combine(spec.CacheFolder ?? DefaultFolder, $"folder-{hash}.npz");
    }

    /// <summary>
    /// The cached dataset, or null when there is none or it does not read (it is then decoded again).
    /// </summary>
    public static LoadedDataset? TryRead(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            return NpzFormat.FromArrays(file, NpzFile.Read(file), channelsFirst: true) with { CacheFile = file };
        }
        catch (DatasetException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the dataset to <paramref name="file"/>; returns why not when the cache folder is not writable.
    /// </summary>
    public static string? TryWrite(string file, LoadedDataset dataset)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var shape = dataset.Shape;
            var names = Encoding.UTF8.GetBytes(string.Join('\n', dataset.ClassNames));
            NpzFile.Write(file,
            [
                NpyArray.Bytes(
                    "x_train", dataset.Train.Pixels, dataset.Train.Count, shape.Channels, shape.Height, shape.Width),
                NpyArray.Bytes("y_train", dataset.Train.Labels, dataset.Train.Count),
                NpyArray.Bytes(
                    "x_test", dataset.Test.Pixels, dataset.Test.Count, shape.Channels, shape.Height, shape.Width),
                NpyArray.Bytes("y_test", dataset.Test.Labels, dataset.Test.Count),
                NpyArray.Bytes(NpzFormat.ClassNamesArray, names, names.Length),
            ]);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
