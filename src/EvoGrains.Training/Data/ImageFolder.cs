namespace EvoGrains.Training.Data;

/// <summary>
/// Lists a folder dataset: <c>train/&lt;class&gt;/*</c> and <c>test/&lt;class&gt;/*</c> image files (PNG or JPEG), the
/// classes being the train folder's subfolders sorted by name (ordinal), so label i is the i-th name. Files of other
/// kinds and hidden entries are skipped; a layout that cannot be a dataset is one error naming the folder or file.
/// </summary>
public static class ImageFolder
{
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg"];

    private const int MaxClasses = byte.MaxValue + 1;

    /// <exception cref="DatasetException">The folders are missing, a class has no training or no test images, and so
    /// on.</exception>
    public static ImageFolderListing List(string root)
    {
        if (!Directory.Exists(root))
        {
            throw DatasetException.ForFile(
                root,
                File.Exists(root) ? "expected a folder with train/ and test/ in it, found a file" : "folder not found");
        }

        var train = SplitFolder(root, "train");
        var test = SplitFolder(root, "test");
        var classes = Subfolders(train);
        if (classes.Count < 2)
        {
            throw DatasetException.ForFile(train, $"expected a folder per class (at least 2), found {classes.Count}");
        }

        if (classes.Count > MaxClasses)
        {
            throw DatasetException.ForFile(train, $"{classes.Count} class folders; at most {MaxClasses} are read");
        }

        if (Images(train).FirstOrDefault() is { } loose)
        {
            throw DatasetException.ForFile(
                loose, $"images go in a class folder ({Path.Combine(train, "<class>", Path.GetFileName(loose))})");
        }

        if (Subfolders(test).FirstOrDefault(c => !classes.Contains(c)) is { } extra)
        {
            throw DatasetException.ForFile(Path.Combine(test, extra),
                $"class '{extra}' has no training images ({Path.Combine(train, extra)} is missing)");
        }

        return new ImageFolderListing(root, classes, Files(train, classes, "training"), Files(test, classes, "test"));
    }

    private static string SplitFolder(string root, string split)
    {
        var folder = Path.Combine(root, split);
        return Directory.Exists(folder)
            ? folder
            : throw DatasetException.ForFile(
                folder, $"folder not found (a folder dataset has train/<class>/ and test/<class>/ image folders)");
    }

    private static List<string> Subfolders(string folder) =>
        [
            .. Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>()
                .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal),
        ];

    private static IEnumerable<string> Images(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.')
                && Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static List<(string File, byte Label)> Files(string split, IReadOnlyList<string> classes, string what)
    {
        var files = new List<(string File, byte Label)>();
        for (var label = 0; label < classes.Count; label++)
        {
            var folder = Path.Combine(split, classes[label]);
            var images = Directory.Exists(folder) ? Images(folder).ToList() : [];
            if (images.Count == 0)
            {
                throw DatasetException.ForFile(
                    folder, $"class '{classes[label]}' has no {what} images ({string.Join(", ", Extensions)})");
            }

            files.AddRange(images.Select(f => (f, (byte)label)));
        }

        return files;
    }
}
