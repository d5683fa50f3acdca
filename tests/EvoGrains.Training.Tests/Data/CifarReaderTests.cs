using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

public sealed class CifarReaderTests
{
    [Fact]
    public void Cifar10_concatenates_the_five_batches_and_reads_the_test_batch()
    {
        using var dir = new TempDirectory();
        for (var b = 1; b <= 5; b++)
        {
            DatasetFiles.WriteCifar(dir.File($"data_batch_{b}.bin"), [[(byte)b], [(byte)(b + 1)]]);
        }

        DatasetFiles.WriteCifar(dir.File("test_batch.bin"), [[9], [0], [5]]);
        var spec = new DatasetSpec("cifar10", dir.Path);

        var (train, test, classes) = DatasetLoader.Load(spec);

        Assert.Equal(new byte[] { 1, 2, 2, 3, 3, 4, 4, 5, 5, 6 }, train.Labels);
        Assert.Equal(new ImageShape(3, 32, 32), train.Shape);
        Assert.Equal(new byte[] { 9, 0, 5 }, test.Labels);
        Assert.Equal(10, classes.Count);
        Assert.Equal((byte)1, test.Pixels[3072]);
        Assert.Equal((byte)(3071 % 256), test.Pixels[3071]);
    }

    [Theory]
    [InlineData("cifar100", new byte[] { 42, 99 }, 100)]
    [InlineData("cifar100-coarse", new byte[] { 3, 19 }, 20)]
    public void Cifar100_picks_fine_or_coarse_labels(string dataset, byte[] expected, int classes)
    {
        using var dir = new TempDirectory();
        DatasetFiles.WriteCifar(dir.File("train.bin"), [[3, 42], [19, 99]]);
        DatasetFiles.WriteCifar(dir.File("test.bin"), [[0, 0]]);

        var (train, _, names) = DatasetLoader.Load(new DatasetSpec(dataset, dir.Path));

        Assert.Equal(expected, train.Labels);
        Assert.Equal(classes, names.Count);
        Assert.Equal((byte)1, train.Pixels[3072]);
    }

    [Fact]
    public void Wrong_length_names_the_file_and_record_size()
    {
        using var dir = new TempDirectory();
        var path = dir.File("test_batch.bin");
        File.WriteAllBytes(path, new byte[3074]);

        var ex = Assert.Throws<DatasetException>(() => CifarReader.ReadBatch(path, 1, 0, 9));

        Assert.Contains("test_batch.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3073-byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_label_names_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("test_batch.bin");
        DatasetFiles.WriteCifar(path, [[1], [10]]);

        var ex = Assert.Throws<DatasetException>(() => CifarReader.ReadBatch(path, 1, 0, 9));

        Assert.Contains("test_batch.bin", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_batch_names_the_file()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<DatasetException>(() => DatasetLoader.Load(new DatasetSpec("cifar10", dir.Path)));

        Assert.Contains("data_batch_1.bin", ex.Message, StringComparison.Ordinal);
    }
}
