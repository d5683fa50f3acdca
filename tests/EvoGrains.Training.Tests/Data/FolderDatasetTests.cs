using EvoGrains.TestSupport.Data;
using EvoGrains.Training.Data;
using SkiaSharp;

namespace EvoGrains.Training.Tests.Data;

/// <summary>
/// Folder datasets from real PNG and JPEG files made in a temporary folder: classes from the sorted folder names,
/// exact pixels, resize and colour, the cache file later loads read, and one error naming the file for bad data.
/// </summary>
public sealed class FolderDatasetTests : IDisposable
{
    private readonly TempDirectory dir = new();

    private string Data => dir.File("data");

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Classes_are_the_sorted_folder_names_and_png_pixels_decode_exactly()
    {
        ImageFiles.WriteFolder(Data, ["zebra", "ant", "Moth"], train: 2, test: 1, size: 6);

        var set = Load(new DatasetSpec("folder", Data));

        // Ordinal order: upper case first.
        Assert.Equal(["Moth", "ant", "zebra"], set.ClassNames);
        Assert.Equal(new ImageShape(3, 6, 6), set.Shape);
        Assert.Equal((6, 3), (set.Train.Count, set.Test.Count));
        Assert.Equal(new byte[] { 0, 0, 1, 1, 2, 2 }, set.Train.Labels);
        Assert.Equal(new byte[] { 0, 1, 2 }, set.Test.Labels);
        // The first training image of "Moth" is the 5th file written (zebra 0-1, ant 2-3, Moth 4-5): seed 4.
        var first = set.Train.Pixels.AsSpan(0, set.Shape.PixelsPerImage);
        Assert.Equal(ImageFiles.Value(4, 0, 0, 0), first[0]);
        Assert.Equal(ImageFiles.Value(4, 5, 2, 1), first[36 + (2 * 6) + 5]);
        Assert.Equal(ImageFiles.Value(4, 3, 4, 2), first[72 + (4 * 6) + 3]);
    }

    [Fact]
    public void Grey_files_give_one_channel_unless_three_are_asked_for()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 5, grey: true);

        var grey = Load(new DatasetSpec("folder", Data));
        var rgb = Load(new DatasetSpec("folder", Data) { Channels = 3 });

        Assert.Equal(new ImageShape(1, 5, 5), grey.Shape);
        Assert.Equal(ImageFiles.Value(0, 3, 1, 0), grey.Train.Pixels[5 + 3]);
        Assert.Equal(new ImageShape(3, 5, 5), rgb.Shape);
        Assert.Equal(grey.Train.Pixels[..25], rgb.Train.Pixels[50..75]);
    }

    [Fact]
    public void Colour_files_read_as_one_channel_are_their_luma()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 4);

        var set = Load(new DatasetSpec("folder", Data) { Channels = 1 });

        var (r, g, b) = (ImageFiles.Value(0, 1, 2, 0), ImageFiles.Value(0, 1, 2, 1), ImageFiles.Value(0, 1, 2, 2));
        Assert.Equal(new ImageShape(1, 4, 4), set.Shape);
        Assert.Equal((byte)(((299 * r) + (587 * g) + (114 * b) + 500) / 1000), set.Train.Pixels[(2 * 4) + 1]);
    }

    [Fact]
    public void Image_size_resizes_mixed_sizes_which_without_it_are_an_error_naming_the_odd_file()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 2, test: 1, size: 8);
        var odd = Path.Combine(Data, "train", "b", "1.png");
        ImageFiles.Write(odd, 99, 12, 10);

        var error = Assert.Throws<DatasetException>(() => Load(new DatasetSpec("folder", Data)));
        var resized = Load(new DatasetSpec("folder", Data) { ImageSize = 16 });

        Assert.Equal($"{odd}: 12x10 pixels, but {Path.Combine(Data, "train", "a", "0.png")} is 8x8; set evaluation.imageSize to resize every image to one size", error.Message);
        Assert.Equal(new ImageShape(3, 16, 16), resized.Shape);
        Assert.Equal(6, resized.Train.Count + resized.Test.Count);
    }

    [Fact]
    public void Jpeg_files_decode_close_to_what_was_written()
    {
        ImageFiles.Write(Path.Combine(Data, "train", "a", "x.jpg"), 1, 8, 8, format: SKEncodedImageFormat.Jpeg);
        ImageFiles.Write(Path.Combine(Data, "train", "b", "y.JPEG"), 2, 8, 8, format: SKEncodedImageFormat.Jpeg);
        ImageFiles.Write(Path.Combine(Data, "test", "a", "z.png"), 3, 8, 8);
        ImageFiles.Write(Path.Combine(Data, "test", "b", "w.jpg"), 4, 8, 8, format: SKEncodedImageFormat.Jpeg);
        File.WriteAllText(Path.Combine(Data, "train", "a", "notes.txt"), "not an image, skipped");

        var set = Load(new DatasetSpec("folder", Data));

        Assert.Equal((2, 2), (set.Train.Count, set.Test.Count));
        Assert.InRange(set.Train.Pixels[0], ImageFiles.Value(1, 0, 0, 0) - 24, ImageFiles.Value(1, 0, 0, 0) + 24);
    }

    [Fact]
    public void A_second_load_reads_the_cache_and_an_edited_image_makes_a_new_cache_file()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 2, test: 1, size: 4);
        var spec = new DatasetSpec("folder", Data) { CacheFolder = dir.File("cache") };

        var first = DatasetLoader.Load(spec);
        // Same name, size and time but no longer an image: only a load that reads the cache succeeds.
        var garbled = Path.Combine(Data, "train", "a", "1.png");
        var written = File.GetLastWriteTimeUtc(garbled);
        File.WriteAllBytes(garbled, new byte[new FileInfo(garbled).Length]);
        File.SetLastWriteTimeUtc(garbled, written);
        var cached = DatasetLoader.Load(spec);
        ImageFiles.Write(garbled, 1, 4, 4);
        var edited = Path.Combine(Data, "test", "b", "0.png");
        ImageFiles.Write(edited, 77, 4, 4);
        File.SetLastWriteTimeUtc(edited, DateTime.UtcNow.AddMinutes(1));
        var again = DatasetLoader.Load(spec);

        Assert.NotNull(first.CacheFile);
        Assert.StartsWith(dir.File("cache"), first.CacheFile, StringComparison.Ordinal);
        Assert.Equal(first.CacheFile, cached.CacheFile);
        Assert.Equal(first.Train.Pixels, cached.Train.Pixels);
        Assert.Equal(first.ClassNames, cached.ClassNames);
        Assert.Equal(first.Test.Labels, cached.Test.Labels);
        Assert.NotEqual(first.CacheFile, again.CacheFile);
        Assert.Equal(ImageFiles.Value(77, 0, 0, 0), again.Test.Pixels[again.Shape.PixelsPerImage]);
        Assert.Equal(2, Directory.GetFiles(dir.File("cache"), "folder-*.npz").Length);
        Assert.Empty(Directory.GetFiles(Data, "*.npz", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_cache_is_what_the_images_decode_to()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 2, test: 2, size: 5);
        var spec = new DatasetSpec("folder", Data) { CacheFolder = dir.File("cache") };
        var decoded = DatasetLoader.Load(spec);

        var cached = Assert.IsType<LoadedDataset>(DatasetDiskCache.TryRead(decoded.CacheFile!));

        Assert.Equal(decoded.Train.Pixels, cached.Train.Pixels);
        Assert.Equal(decoded.Test.Pixels, cached.Test.Pixels);
        Assert.Equal(decoded.Shape, cached.Shape);
    }

    [Fact]
    public void An_unwritable_cache_folder_is_reported_and_the_data_still_loads()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 4);
        File.WriteAllText(dir.File("cache"), "a file where the cache folder should be");

        var set = DatasetLoader.Load(new DatasetSpec("folder", Data) { CacheFolder = dir.File("cache") });

        Assert.Null(set.CacheFile);
        Assert.Contains(dir.File("cache"), set.CacheProblem, StringComparison.Ordinal);
        Assert.Equal(4, set.Train.Count + set.Test.Count);
    }

    [Fact]
    public void A_file_that_is_no_image_is_named()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 2, test: 1, size: 4);
        var bad = Path.Combine(Data, "train", "b", "1.png");
        File.WriteAllText(bad, "not a png");

        var error = Assert.Throws<DatasetException>(() => Load(new DatasetSpec("folder", Data)));

        Assert.StartsWith($"{bad}: not a readable image", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_truncated_png_is_named()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 16);
        var bad = Path.Combine(Data, "test", "a", "0.png");
        var bytes = File.ReadAllBytes(bad);
        File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<DatasetException>(() => Load(new DatasetSpec("folder", Data)));

        Assert.StartsWith($"{bad}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_test_images_is_named()
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 4);
        File.Delete(Path.Combine(Data, "test", "b", "0.png"));

        var error = Assert.Throws<DatasetException>(() => Load(new DatasetSpec("folder", Data)));

        Assert.Equal($"{Path.Combine(Data, "test", "b")}: class 'b' has no test images (.png, .jpg, .jpeg)", error.Message);
    }

    [Theory]
    [InlineData("missing-train")]
    [InlineData("one-class")]
    [InlineData("loose-image")]
    [InlineData("test-only-class")]
    [InlineData("no-folder")]
    public void A_layout_that_is_no_dataset_is_one_line_naming_the_place(string layout)
    {
        ImageFiles.WriteFolder(Data, ["a", "b"], train: 1, test: 1, size: 4);
        var (place, message) = layout switch
        {
            "missing-train" => Break(() => Directory.Delete(Path.Combine(Data, "train"), recursive: true), Path.Combine(Data, "train"), "folder not found"),
            "one-class" => Break(() => Directory.Delete(Path.Combine(Data, "train", "b"), recursive: true), Path.Combine(Data, "train"), "expected a folder per class (at least 2), found 1"),
            "loose-image" => Break(() => ImageFiles.Write(Path.Combine(Data, "train", "x.png"), 1, 4, 4), Path.Combine(Data, "train", "x.png"), "images go in a class folder"),
            "test-only-class" => Break(() => ImageFiles.Write(Path.Combine(Data, "test", "c", "0.png"), 1, 4, 4), Path.Combine(Data, "test", "c"), "class 'c' has no training images"),
            _ => Break(() => Directory.Delete(Data, recursive: true), Data, "folder not found"),
        };

        var error = Assert.Throws<DatasetException>(() => Load(new DatasetSpec("folder", Data)));

        Assert.StartsWith($"{place}: {message}", error.Message, StringComparison.Ordinal);
    }

    private static (string Place, string Message) Break(Action damage, string place, string message)
    {
        damage();
        return (place, message);
    }

    private LoadedDataset Load(DatasetSpec spec) => DatasetLoader.Load(spec with { CacheFolder = dir.File("cache") });
}
