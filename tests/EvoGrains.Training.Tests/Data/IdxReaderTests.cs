using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

public sealed class IdxReaderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reads_images_and_labels_in_gzip_and_raw(bool gzip)
    {
        using var dir = new TempDirectory();
        var suffix = gzip ? ".gz" : string.Empty;
        var pixels = DatasetFiles.Pattern(5 * 4 * 3, salt: 1);
        DatasetFiles.WriteIdxImages(dir.File("train-images-idx3-ubyte" + suffix), pixels, 5, 4, 3, gzip);
        DatasetFiles.WriteIdxLabels(dir.File("train-labels-idx1-ubyte" + suffix), [0, 1, 2, 9, 4], gzip);

        var set = IdxReader.Read(dir.File("train-images-idx3-ubyte" + suffix), dir.File("train-labels-idx1-ubyte" + suffix));

        Assert.Equal(5, set.Count);
        Assert.Equal(new ImageShape(1, 4, 3), set.Shape);
        Assert.Equal(pixels, set.Pixels);
        Assert.Equal(new byte[] { 0, 1, 2, 9, 4 }, set.Labels);
    }

    [Fact]
    public void Loader_finds_raw_files_when_no_gzip_exists()
    {
        using var dir = new TempDirectory();
        DatasetFiles.WriteIdxImages(dir.File("t10k-images-idx3-ubyte"), DatasetFiles.Pattern(2 * 28 * 28, 3), 2, 28, 28, gzip: false);
        DatasetFiles.WriteIdxLabels(dir.File("t10k-labels-idx1-ubyte"), [3, 7], gzip: false);
        DatasetFiles.WriteIdxImages(dir.File("train-images-idx3-ubyte.gz"), DatasetFiles.Pattern(28 * 28, 1), 1, 28, 28, gzip: true);
        DatasetFiles.WriteIdxLabels(dir.File("train-labels-idx1-ubyte.gz"), [5], gzip: true);

        var set = DatasetLoader.Load(new DatasetSpec("mnist", dir.Path));

        Assert.Equal(new byte[] { 3, 7 }, set.Test.Labels);
        Assert.Equal(new byte[] { 5 }, set.Train.Labels);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_both_magics()
    {
        using var dir = new TempDirectory();
        var path = dir.File("train-images-idx3-ubyte");
        DatasetFiles.WriteIdxLabels(path, [1, 2, 3], gzip: false);

        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Contains("train-images-idx3-ubyte", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected IDX magic 0x00000803, found 0x00000801", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_names_the_file_and_sizes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("train-images-idx3-ubyte.gz");
        DatasetFiles.WriteIdxImages(path, DatasetFiles.Pattern(10, 0), count: 2, rows: 4, cols: 4, gzip: true);

        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Contains("train-images-idx3-ubyte.gz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected 48 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_names_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]);

        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("train-labels-idx1-ubyte.gz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_names_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t10k-images-idx3-ubyte.gz");
        DatasetFiles.WriteIdxImages(path, DatasetFiles.Pattern(50 * 28 * 28, 0), 50, 28, 28, gzip: true);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadImages(path));

        Assert.Contains("t10k-images-idx3-ubyte.gz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(new DatasetSpec("kmnist", dir.Path)));

        Assert.Contains("train-images-idx3-ubyte", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_count_mismatch_names_the_label_file()
    {
        using var dir = new TempDirectory();
        DatasetFiles.WriteIdxImages(dir.File("i"), DatasetFiles.Pattern(3 * 4, 0), 3, 2, 2, gzip: false);
        DatasetFiles.WriteIdxLabels(dir.File("l"), [1, 2], gzip: false);

        var ex = Assert.Throws<DatasetException>(() => IdxReader.Read(dir.File("i"), dir.File("l")));

        Assert.StartsWith(dir.File("l") + ":", ex.Message, StringComparison.Ordinal);
    }
}
