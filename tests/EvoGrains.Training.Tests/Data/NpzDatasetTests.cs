using EvoGrains.Training.Data;
using static EvoGrains.TestSupport.Data.NpzWriter;

namespace EvoGrains.Training.Tests.Data;

/// <summary>
/// .npz datasets written by the test as NumPy writes them: uint8 or float32 images, NHWC, NCHW or grey [N, H, W],
/// any integer labels, stored or deflated; and one line naming the file and the array for bad ones.
/// </summary>
public sealed class NpzDatasetTests : IDisposable
{
    private readonly TempDirectory dir = new();

    private string File => dir.File("data.npz");

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Uint8_nhwc_images_become_channels_first_with_int64_labels(bool compressed)
    {
        // Two 2x3 RGB training images: value = 100 * image + 10 * pixel + channel.
        var nhwc = Enumerable.Range(0, 2 * 6 * 3).Select(i => (byte)((100 * (i / 18)) + (10 * (i % 18 / 3)) + (i % 3))).ToArray();
        Write(File, compressed, UInt8("x_train", nhwc, 2, 2, 3, 3), Int64("y_train", [1, 0], 2), UInt8("x_test", nhwc[..18], 1, 2, 3, 3), Int64("y_test", [1], 1));

        var set = DatasetLoader.Load(new DatasetSpec("npz", File));

        Assert.Equal(new ImageShape(3, 2, 3), set.Shape);
        Assert.Equal(["0", "1"], set.ClassNames);
        Assert.Equal(new byte[] { 1, 0 }, set.Train.Labels);
        // Image 1, channel 2, pixel 4 (row 1, column 1): 100 + 40 + 2.
        Assert.Equal(142, set.Train.Pixels[18 + (2 * 6) + 4]);
        Assert.Equal(set.Train.Pixels[..18], set.Test.Pixels);
    }

    [Fact]
    public void The_file_numpy_wrote_reads_as_numpy_holds_it()
    {
        // Fixtures/tiny.npz is np.savez_compressed output (Fixtures/make_fixtures.py): x[i, y, x, c] = 10i + 3y + x + 60c.
        var set = DatasetLoader.Load(new DatasetSpec("npz", Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.npz")));

        Assert.Equal(new ImageShape(3, 4, 5), set.Shape);
        Assert.Equal((6, 3), (set.Train.Count, set.Test.Count));
        Assert.Equal(new byte[] { 0, 1, 2, 0, 1, 2 }, set.Train.Labels);
        Assert.Equal(3, set.Classes);
        var image = set.Shape.PixelsPerImage;
        Assert.Equal((10 * 5) + (3 * 2) + 4 + (60 * 1), set.Train.Pixels[(5 * image) + (1 * 20) + (2 * 5) + 4]);
        Assert.Equal(set.Train.Pixels[..(3 * image)], set.Test.Pixels);
    }

    [Fact]
    public void Float32_nchw_images_map_the_training_range_onto_bytes()
    {
        float[] train = [-1f, 0f, 1f, 0.5f];
        Write(File, false, Float32("x_train", train, 4, 1, 1, 1), UInt8("y_train", [0, 1, 2, 1], 4), Float32("x_test", [2f, -0.5f], 2, 1, 1, 1), UInt8("y_test", [2, 0], 2));

        var set = DatasetLoader.Load(new DatasetSpec("npz", File) { ChannelsFirst = true });

        Assert.Equal(new byte[] { 0, 128, 255, 191 }, set.Train.Pixels);
        // Beyond the training range clamps.
        Assert.Equal(new byte[] { 255, 64 }, set.Test.Pixels);
        Assert.Equal(3, set.Classes);
    }

    [Fact]
    public void Three_dimensional_arrays_are_grey_images()
    {
        Write(File, false, UInt8("x_train", [1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2), Int64("y_train", [0, 1], 2, 1), UInt8("x_test", [9, 9, 9, 9], 1, 2, 2), Int64("y_test", [1], 1));

        var set = DatasetLoader.Load(new DatasetSpec("npz", File));

        Assert.Equal(new ImageShape(1, 2, 2), set.Shape);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, set.Train.Pixels);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "missing", "no y_test array (found: x_test, x_train, y_train; expected x_train, y_train, x_test, y_test)" },
        { "lengths", "x_train holds 2 images but y_train 3 labels" },
        { "negative", "y_train: label -1 at index 1 is out of range (0..255)" },
        { "test-label", "y_test: label 5 at index 0 is out of range (0..1, the classes of y_train)" },
        { "dtype", "x_train: images must be uint8 or float32, found dtype <f8" },
        { "layout", "x_train: shape (2, 3, 4, 5) read as NHWC has 5 channels (at most 4); is evaluation.layout \"nchw\"?" },
        { "shapes", "x_test holds 1x3x3 images but x_train 1x2x2" },
        { "one-class", "y_train has 1 class; a classifier needs at least 2" },
        { "nan", "x_train: value NaN at flat index 1 is not finite" },
        { "big-endian", "y_train: dtype >i8 is not read (little-endian integers, floats or booleans only)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_arrays_are_one_line_naming_the_file_and_the_array(string bad, string message)
    {
        var x = UInt8("x_train", new byte[8], 2, 2, 2);
        var y = Int64("y_train", [0, 1], 2);
        var xt = UInt8("x_test", new byte[4], 1, 2, 2);
        var yt = Int64("y_test", [1], 1);
        switch (bad)
        {
            case "missing": Write(File, false, x, y, xt); break;
            case "lengths": Write(File, false, x, Int64("y_train", [0, 1, 1], 3), xt, yt); break;
            case "negative": Write(File, false, x, Int64("y_train", [0, -1], 2), xt, yt); break;
            case "test-label": Write(File, false, x, y, xt, Int64("y_test", [5], 1)); break;
            case "dtype": Write(File, false, ("x_train", "<f8", [2, 2, 2], new byte[64]), y, xt, yt); break;
            case "layout": Write(File, false, UInt8("x_train", new byte[120], 2, 3, 4, 5), y, xt, yt); break;
            case "shapes": Write(File, false, x, y, UInt8("x_test", new byte[9], 1, 3, 3), yt); break;
            case "one-class": Write(File, false, x, Int64("y_train", [0, 0], 2), xt, Int64("y_test", [0], 1)); break;
            case "nan": Write(File, false, Float32("x_train", [0, float.NaN, 1, 2, 3, 4, 5, 6], 2, 2, 2), y, xt, yt); break;
            default: Write(File, false, x, ("y_train", ">i8", [2], new byte[16]), xt, yt); break;
        }

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(new DatasetSpec("npz", File)));

        Assert.Equal($"{File}: {message}", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_zip_is_named()
    {
        System.IO.File.WriteAllText(File, "x_train = [1, 2, 3]");

        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(new DatasetSpec("npz", File)));

        Assert.StartsWith($"{File}: not an .npz file (a zip of .npy arrays)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<DatasetException>(() => DatasetLoader.Load(new DatasetSpec("npz", File)));

        Assert.Equal($"{File}: file not found", error.Message);
    }
}
