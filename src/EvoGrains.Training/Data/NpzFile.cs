using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace EvoGrains.Training.Data;

/// <summary>
/// Reads and writes NumPy .npz files: a zip (stored or deflated, as np.savez and np.savez_compressed write them) of
/// .npy members, each a magic "\x93NUMPY", a version, a header that is a Python dict literal (descr, fortran_order,
/// shape) and the C-order data. Only little-endian, C-order arrays are read; the message of every error names the file.
/// </summary>
public static partial class NpzFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Every .npy member of the file, by name without ".npy".</summary>
    /// <exception cref="DatasetException">The file is missing, not a zip, or a member is not a readable
    /// array.</exception>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)))
            {
                var name = entry.FullName[..^4];
                using var stream = entry.Open();
                arrays[name] = ReadArray(path, name, stream, entry.Length);
            }

            return arrays;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DatasetException.ForFile(path, "file not found", ex);
        }
        catch (InvalidDataException ex)
        {
            throw DatasetException.ForFile(path, $"not an .npz file (a zip of .npy arrays): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatasetException.ForFile(path, $"cannot read file ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Writes the arrays uncompressed to a temporary file beside <paramref name="path"/>, then moves it there.
    /// </summary>
    public static void Write(string path, IEnumerable<NpyArray> arrays)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var array in arrays)
                {
                    using var stream = zip.CreateEntry(array.Name + ".npy", CompressionLevel.NoCompression).Open();
                    var header = Header(array);
                    stream.Write(header);
                    stream.Write(array.Data);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static NpyArray ReadArray(string path, string name, Stream stream, long length)
    {
        var prefix = new byte[10];
        stream.ReadExactly(prefix);
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw DatasetException.ForFile(path, $"{name}: not a .npy array (no \\x93NUMPY magic)");
        }

        // Version 1 has a 2-byte header length; versions 2 and 3 a 4-byte one.
        int headerLength;
        if (prefix[6] == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(8));
        }
        else
        {
            var more = new byte[2];
            stream.ReadExactly(more);
            headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian([.. prefix.AsSpan(8, 2), .. more]);
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var (dtype, fortran, shape) = ParseHeader(path, name, Encoding.Latin1.GetString(header));
        if (fortran)
        {
            throw DatasetException.ForFile(
                path, $"{name}: Fortran-ordered arrays are not read; save it in C order (np.ascontiguousarray)");
        }

        var bytes = checked(shape.Aggregate(1L, (product, d) => product * d) * ItemSize(path, name, dtype));
        var dataOffset = (prefix[6] == 1 ? 10 : 12) + headerLength;
        if (length - dataOffset != bytes)
        {
            throw DatasetException.ForFile(path,
                $"{name}: expected {bytes} bytes of {dtype} data for shape ({string.Join(", ", shape)}), found "
                + $"{length - dataOffset}");
        }

        if (bytes > Array.MaxLength)
        {
            throw DatasetException.ForFile(
                path, $"{name}: {bytes} bytes is more than one array can hold ({Array.MaxLength})");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)bytes);
        stream.ReadExactly(data);
        return new NpyArray(name, dtype, shape, data);
    }

    private static (string Dtype, bool Fortran, long[] Shape) ParseHeader(string path, string name, string header)
    {
        var descr = Descr().Match(header);
        var fortran = Fortran().Match(header);
        var shape = ShapeTuple().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw DatasetException.ForFile(path, $"{name}: unreadable .npy header {header.Trim()}");
        }

        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d =>
                long.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .ToArray();
        if (dims.Any(d => d < 0))
        {
            throw DatasetException.ForFile(path, $"{name}: unreadable shape ({shape.Groups[1].Value})");
        }

        // "=" is native order, little-endian on every machine the silos run on.
        var dtype = descr.Groups[1].Value.Replace('=', '<');
        return (dtype, fortran.Groups[1].Value == "True", dims);
    }

    private static long ItemSize(string path, string name, string dtype) =>
        dtype.Length >= 3
            && dtype[0] is '<' or '|'
            && int.TryParse(dtype.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && dtype[1] is 'u' or 'i' or 'f' or 'b'
            ? size
            : throw DatasetException.ForFile(
                path, $"{name}: dtype {dtype} is not read (little-endian integers, floats or booleans only)");

    private static byte[] Header(NpyArray array)
    {
        var shape = array.Shape.Length == 1 ? $"({array.Shape[0]},)" : $"({string.Join(", ", array.Shape)})";
        var dict = $"{{'descr': '{array.Dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        // Magic, version 1.0 and the 2-byte length take 10 bytes; the header ends with '\n' and pads the whole to 64.
        var padded = dict.PadRight(((10 + dict.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        var header = new byte[10 + padded.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)padded.Length);
        Encoding.ASCII.GetBytes(padded, header.AsSpan(10));
        return header;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex Fortran();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeTuple();
}
