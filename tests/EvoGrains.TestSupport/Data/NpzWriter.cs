using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EvoGrains.TestSupport.Data;

/// <summary>
/// Writes .npz files the way NumPy's savez (stored) and savez_compressed (deflated) do, from the .npy format's
/// description (version 1.0 header: a Python dict literal padded with spaces and '\n' to a multiple of 64 bytes).
/// Written apart from the reader it tests.
/// </summary>
public static class NpzWriter
{
    public static void Write(string path, bool compressed, params (string Name, string Dtype, long[] Shape, byte[] Data)[] arrays)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, dtype, shape, data) in arrays)
        {
            using var stream = zip.CreateEntry(name + ".npy", compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression).Open();
            var tuple = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
            var dict = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {tuple}, }}";
            var total = (10 + dict.Length + 1 + 63) / 64 * 64;
            var header = dict + new string(' ', total - 10 - dict.Length - 1) + "\n";
            stream.Write([0x93, .. "NUMPY"u8, 1, 0]);
            var length = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
            stream.Write(length);
            stream.Write(Encoding.ASCII.GetBytes(header));
            stream.Write(data);
        }
    }

    public static (string, string, long[], byte[]) UInt8(string name, byte[] data, params long[] shape) => (name, "|u1", shape, data);

    public static (string, string, long[], byte[]) Float32(string name, float[] data, params long[] shape) =>
        (name, "<f4", shape, [.. data.SelectMany(BitConverter.GetBytes)]);

    public static (string, string, long[], byte[]) Int64(string name, long[] data, params long[] shape) =>
        (name, "<i8", shape, [.. data.SelectMany(BitConverter.GetBytes)]);
}
