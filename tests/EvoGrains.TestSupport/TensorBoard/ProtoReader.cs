using System.Buffers.Binary;

namespace EvoGrains.TestSupport.TensorBoard;

/// <summary>The protobuf wire format, as far as TensorBoard scalars need it.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public bool Next(out int field, out int wire)
    {
        if (position >= data.Length)
        {
            (field, wire) = (0, 0);
            return false;
        }

        var key = Varint();
        (field, wire) = ((int)(key >> 3), (int)(key & 7));
        return true;
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public ulong Fixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(data[position..]);
        position += 8;
        return value;
    }

    public uint Fixed32()
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
        position += 4;
        return value;
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var bytes = data.Slice(position, length);
        position += length;
        return bytes;
    }

    public void Skip(int wire)
    {
        switch (wire)
        {
            case 0: Varint(); break;
            case 1: position += 8; break;
            case 2: Bytes(); break;
            case 5: position += 4; break;
            default: throw new InvalidDataException($"protobuf wire type {wire} is not supported");
        }
    }
}
