namespace EvoGrains.Training.Data;

/// <summary>
/// Reader for the CIFAR binary batches: each record is the label byte(s) then 3072 pixel bytes
/// (1024 red, 1024 green, 1024 blue, row-major 32x32). CIFAR-100 records carry a coarse then a fine label byte.
/// </summary>
public static class CifarReader
{
    public static readonly ImageShape Shape = new(3, 32, 32);

    public static readonly IReadOnlyList<string> Cifar10TrainFiles =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    public const string Cifar10TestFile = "test_batch.bin";
    public const string Cifar100TrainFile = "train.bin";
    public const string Cifar100TestFile = "test.bin";

    /// <summary>Reads one batch file.</summary>
    /// <param name="path">The .bin file (gzip accepted).</param>
    /// <param name="labelBytes">1 for CIFAR-10, 2 for CIFAR-100.</param>
    /// <param name="labelIndex">Which label byte to keep: 0 (CIFAR-10, or CIFAR-100 coarse) or 1 (CIFAR-100
    /// fine).</param>
    /// <param name="maxLabel">Largest valid label, to catch files of the wrong variant.</param>
    public static LabelledImages ReadBatch(string path, int labelBytes, int labelIndex, int maxLabel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(labelIndex, labelBytes);
        var bytes = DatasetFile.ReadAllBytes(path);
        var recordLength = labelBytes + Shape.PixelsPerImage;
        if (bytes.Length == 0 || bytes.Length % recordLength != 0)
        {
            throw DatasetException.ForFile(
                path,
                $"expected a multiple of the {recordLength}-byte CIFAR record length, found {bytes.Length} bytes");
        }

        var count = bytes.Length / recordLength;
        var pixels = new byte[count * Shape.PixelsPerImage];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var offset = i * recordLength;
            var label = bytes[offset + labelIndex];
            if (label > maxLabel)
            {
                throw DatasetException.ForFile(path, $"expected labels in 0..{maxLabel}, found {label} in record {i}");
            }

            labels[i] = label;
            Buffer.BlockCopy(bytes, offset + labelBytes, pixels, i * Shape.PixelsPerImage, Shape.PixelsPerImage);
        }

        return new LabelledImages(pixels, labels, Shape);
    }

    /// <summary>Concatenates several batches, in order.</summary>
    public static LabelledImages ReadBatches(IEnumerable<string> paths, int labelBytes, int labelIndex, int maxLabel)
    {
        var batches = paths.Select(p => ReadBatch(p, labelBytes, labelIndex, maxLabel)).ToList();
        var pixels = new byte[batches.Sum(b => (long)b.Pixels.Length)];
        var labels = new byte[batches.Sum(b => b.Count)];
        long pixelOffset = 0;
        var labelOffset = 0;
        foreach (var batch in batches)
        {
            Array.Copy(batch.Pixels, 0, pixels, pixelOffset, batch.Pixels.Length);
            Array.Copy(batch.Labels, 0, labels, labelOffset, batch.Count);
            pixelOffset += batch.Pixels.Length;
            labelOffset += batch.Count;
        }

        return new LabelledImages(pixels, labels, Shape);
    }
}
