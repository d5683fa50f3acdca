using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace EvoGrains.TestSupport.TensorBoard;

/// <summary>
/// Reads TensorBoard event files independently of the writer: TFRecords (length, masked CRC32C of
/// the length, an Event protobuf, masked CRC32C of it) holding tensorflow.Event { wall_time = 1,
/// step = 2, file_version = 3, summary = 5 { value = 1 { tag = 1, simple_value = 2 } } }.
/// </summary>
public static class TensorBoardEvents
{
    public static IReadOnlyList<TensorBoardScalar> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "events.out.tfevents.*").Order(StringComparer.Ordinal).SelectMany(ReadFile).ToList();

    /// <summary>Every scalar of one file; throws when a record is cut short or a checksum is wrong.</summary>
    public static IReadOnlyList<TensorBoardScalar> ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var scalars = new List<TensorBoardScalar>();
        var offset = 0;
        var first = true;
        while (offset < bytes.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset, 8)));
            Check(bytes.AsSpan(offset, 8), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8, 4)), path);
            var data = bytes.AsSpan(offset + 12, length);
            Check(data, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 12 + length, 4)), path);
            var (fileVersion, parsed) = ParseEvent(data);
            if (first && fileVersion != "brain.Event:2")
            {
                throw new InvalidDataException($"{path}: the first event is not the file version (found '{fileVersion}')");
            }

            scalars.AddRange(parsed);
            first = false;
            offset += 12 + length + 4;
        }

        return scalars;
    }

    private static void Check(ReadOnlySpan<byte> data, uint stored, string path)
    {
        var crc = ~0u;
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        crc = ~crc;
        var masked = ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
        if (masked != stored)
        {
            throw new InvalidDataException($"{path}: a record's CRC32C does not match");
        }
    }

    private static (string? FileVersion, List<TensorBoardScalar> Scalars) ParseEvent(ReadOnlySpan<byte> data)
    {
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        var values = new List<(string Tag, float Value)>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 1): wallTime = BitConverter.Int64BitsToDouble((long)reader.Fixed64()); break;
                case (2, 0): step = (long)reader.Varint(); break;
                case (3, 2): fileVersion = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (5, 2): values.AddRange(ParseSummary(reader.Bytes())); break;
                default: reader.Skip(wire); break;
            }
        }

        return (fileVersion, values.Select(v => new TensorBoardScalar(v.Tag, step, v.Value, wallTime)).ToList());
    }

    private static List<(string Tag, float Value)> ParseSummary(ReadOnlySpan<byte> data)
    {
        var values = new List<(string, float)>();
        var summary = new ProtoReader(data);
        while (summary.Next(out var field, out var wire))
        {
            if ((field, wire) != (1, 2))
            {
                summary.Skip(wire);
                continue;
            }

            var value = new ProtoReader(summary.Bytes());
            var (tag, number) = ("", float.NaN);
            while (value.Next(out var f, out var w))
            {
                switch (f, w)
                {
                    case (1, 2): tag = Encoding.UTF8.GetString(value.Bytes()); break;
                    case (2, 5): number = BitConverter.Int32BitsToSingle((int)value.Fixed32()); break;
                    default: value.Skip(w); break;
                }
            }

            values.Add((tag, number));
        }

        return values;
    }
}
