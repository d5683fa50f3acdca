namespace EvoGrains.Training.Data;

/// <summary>
/// One array of a NumPy .npy file (or an .npz member) as stored: its dtype descriptor ("|u1", "&lt;f4", "&lt;i8"...),
/// its shape (C order) and its raw little-endian bytes.
/// </summary>
public sealed record NpyArray(string Name, string Dtype, long[] Shape, byte[] Data)
{
    public long Count => Shape.Aggregate(1L, (product, d) => product * d);

    /// <summary>The shape as NumPy prints it, e.g. "(60000, 28, 28)".</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>A uint8 array of the given shape (what the dataset cache writes).</summary>
    public static NpyArray Bytes(string name, byte[] data, params long[] shape) => new(name, "|u1", shape, data);
}
