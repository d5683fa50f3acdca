namespace EvoGrains.Training.Data;

/// <summary>
/// Raw images in managed memory (uint8, NCHW) with their labels. Holds no native tensors, so it can be
/// cached and shared between trainers on different threads.
/// </summary>
public sealed class LabelledImages
{
    public LabelledImages(byte[] pixels, byte[] labels, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if ((long)labels.Length * shape.PixelsPerImage != pixels.LongLength)
        {
            throw new ArgumentException(
                $"{pixels.Length} pixels do not hold {labels.Length} images of {shape}.", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
        Shape = shape;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public ImageShape Shape { get; }

    public int Count => Labels.Length;

    /// <summary>Copies the listed images, in order, into a new set.</summary>
    public LabelledImages Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = Shape.PixelsPerImage;
        var pixels = new byte[(long)indices.Count * size];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Buffer.BlockCopy(Pixels, indices[i] * size, pixels, i * size, size);
            labels[i] = Labels[indices[i]];
        }

        return new LabelledImages(pixels, labels, Shape);
    }
}
