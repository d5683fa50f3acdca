using System.Buffers.Binary;

namespace EvoGrains.Training.Data;

/// <summary>
/// Reader for the IDX format of MNIST, Fashion-MNIST and KMNIST: a big-endian magic 0x000008NN (unsigned
/// bytes, NN dimensions), NN big-endian int32 sizes, then the data. Gzip or raw.
/// </summary>
public static class IdxReader
{
    public const uint ImagesMagic = 0x00000803;
    public const uint LabelsMagic = 0x00000801;

    /// <summary>Reads an idx3-ubyte file as single-channel images.</summary>
    public static (byte[] Pixels, ImageShape Shape, int Count) ReadImages(string path)
    {
        var bytes = DatasetFile.ReadAllBytes(path);
        var dims = ReadHeader(path, bytes, ImagesMagic);
        CheckLength(path, bytes, dims);
        return (bytes[HeaderLength(dims)..], new ImageShape(1, dims[1], dims[2]), dims[0]);
    }

    /// <summary>Reads an idx1-ubyte label file.</summary>
    public static byte[] ReadLabels(string path)
    {
        var bytes = DatasetFile.ReadAllBytes(path);
        var dims = ReadHeader(path, bytes, LabelsMagic);
        CheckLength(path, bytes, dims);
        return bytes[HeaderLength(dims)..];
    }

    /// <summary>Reads a matching image and label file pair.</summary>
    public static LabelledImages Read(string imagesPath, string labelsPath)
    {
        var (pixels, shape, count) = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw DatasetException.ForFile(
                labelsPath, $"expected {count} labels to match {Path.GetFileName(imagesPath)}, found {labels.Length}");
        }

        return new LabelledImages(pixels, labels, shape);
    }

    private static int HeaderLength(int[] dims) => 4 + (4 * dims.Length);

    private static int[] ReadHeader(string path, byte[] bytes, uint expectedMagic)
    {
        if (bytes.Length < 4)
        {
            throw DatasetException.ForFile(
                path, $"expected IDX magic 0x{expectedMagic:X8}, found only {bytes.Length} bytes");
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (magic != expectedMagic)
        {
            throw DatasetException.ForFile(path, $"expected IDX magic 0x{expectedMagic:X8}, found 0x{magic:X8}");
        }

        var rank = (int)(magic & 0xFF);
        if (bytes.Length < 4 + (4 * rank))
        {
            throw DatasetException.ForFile(
                path, $"expected a {4 + (4 * rank)}-byte IDX header, found only {bytes.Length} bytes");
        }

        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)));
            if (dims[i] <= 0)
            {
                throw DatasetException.ForFile(path, $"expected positive IDX dimension {i}, found {dims[i]}");
            }
        }

        return dims;
    }

    private static void CheckLength(string path, byte[] bytes, int[] dims)
    {
        var expected = HeaderLength(dims) + dims.Aggregate(1L, (product, d) => product * d);
        if (bytes.LongLength != expected)
        {
            throw DatasetException.ForFile(
                path,
                $"expected {expected} bytes for dimensions [{string.Join(", ", dims)}], found {bytes.LongLength}");
        }
    }
}
