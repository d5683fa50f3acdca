using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace EvoGrains.Training.Data;

/// <summary>
/// Reads a whole dataset file, transparently gunzipping it when it starts with the gzip magic 0x1F8B.
/// </summary>
internal static class DatasetFile
{
    public static byte[] ReadAllBytes(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DatasetException.ForFile(path, "file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatasetException.ForFile(path, $"cannot read file ({ex.Message})", ex);
        }

        return IsGzip(raw) ? Gunzip(path, raw) : raw;
    }

    /// <summary>
    /// Returns the first of the candidates that exists, preferring the gzip variant the Debian package ships.
    /// </summary>
    public static string Resolve(string directory, string baseName)
    {
        var gz = Path.Combine(directory, baseName + ".gz");
        if (File.Exists(gz))
        {
            return gz;
        }

        var plain = Path.Combine(directory, baseName);
        if (File.Exists(plain))
        {
            return plain;
        }

        throw DatasetException.ForFile(gz, $"file not found (nor {baseName} without .gz)");
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static byte[] Gunzip(string path, byte[] compressed)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);

            // GZipStream stops quietly at a truncated stream; the trailer's ISIZE (length mod 2^32) catches that.
            // Dataset files are single-member gzip, for which the trailer describes the whole file.
            var expected = compressed.Length >= 18
                ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(^4))
                : (uint?)null;
            if (expected != (uint)output.Length)
            {
                throw DatasetException.ForFile(path,
                    "corrupt or truncated gzip stream (trailer expects "
                    + $"{expected?.ToString(CultureInfo.InvariantCulture) ?? "a size"}, decompressed "
                    + $"{output.Length} bytes)");
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw DatasetException.ForFile(path, $"corrupt gzip stream ({ex.Message})", ex);
        }
    }
}
