using System.Buffers.Binary;
using System.IO.Compression;

namespace EvoGrains.Training.Tests.Data;

/// <summary>Writes small files in the real IDX and CIFAR binary formats.</summary>
internal static class DatasetFiles
{
    public static void WriteIdxImages(string path, byte[] pixels, int count, int rows, int cols, bool gzip)
    {
        var bytes = new byte[16 + pixels.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x00000803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        pixels.CopyTo(bytes, 16);
        Write(path, bytes, gzip);
    }

    public static void WriteIdxLabels(string path, byte[] labels, bool gzip)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x00000801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        Write(path, bytes, gzip);
    }

    /// <summary>Records of label byte(s) then 3072 pixels; pixel p of image i is (i + p) mod 256.</summary>
    public static void WriteCifar(string path, byte[][] labelBytes)
    {
        using var stream = File.Create(path);
        for (var i = 0; i < labelBytes.Length; i++)
        {
            stream.Write(labelBytes[i]);
            for (var p = 0; p < 3072; p++)
            {
                stream.WriteByte((byte)((i + p) % 256));
            }
        }
    }

    public static void Write(string path, byte[] bytes, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }

        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }

    public static byte[] Pattern(int length, int salt) =>
        Enumerable.Range(0, length).Select(i => (byte)((i * 7) + salt)).ToArray();
}
