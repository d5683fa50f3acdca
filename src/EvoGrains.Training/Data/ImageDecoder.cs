using SkiaSharp;

namespace EvoGrains.Training.Data;

/// <summary>
/// Decodes one PNG or JPEG file with SkiaSharp into planar uint8 pixels, resized and in the channels asked for.
/// </summary>
public static class ImageDecoder
{
    // Bilinear with mipmaps: smooth when shrinking a large photo to a small input, exact when the size is kept.
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The image's size and whether it is stored grey, from its header.</summary>
    /// <exception cref="DatasetException">The file is not an image SkiaSharp reads.</exception>
    public static (int Width, int Height, bool Grey) Probe(string file)
    {
        using var codec = Open(file);
        return (codec.Info.Width, codec.Info.Height, codec.Info.ColorType == SKColorType.Gray8);
    }

    /// <summary>
    /// Writes the image into <paramref name="destination"/> as <paramref name="shape"/> (C x H x W, channel-major),
    /// resizing when the file's size differs; one channel is the luma 0.299 R + 0.587 G + 0.114 B (exact for grey
    /// images).
    /// </summary>
    /// <exception cref="DatasetException">The file does not decode.</exception>
    public static void Decode(string file, ImageShape shape, Span<byte> destination)
    {
        using var codec = Open(file);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw DatasetException.ForFile(file, $"image does not decode ({result})");
        }

        var target = new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = info.Width == shape.Width && info.Height == shape.Height
            ? null
            : decoded.Resize(target, Sampling);
        var bitmap = resized ?? decoded;
        var pixels = bitmap.GetPixelSpan();
        var plane = shape.Height * shape.Width;
        for (var y = 0; y < shape.Height; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes, shape.Width * 4);
            for (var x = 0; x < shape.Width; x++)
            {
                var (r, g, b) = (row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2]);
                var at = (y * shape.Width) + x;
                if (shape.Channels == 1)
                {
                    destination[at] = (byte)(((299 * r) + (587 * g) + (114 * b) + 500) / 1000);
                }
                else
                {
                    (destination[at], destination[plane + at], destination[(2 * plane) + at]) = (r, g, b);
                }
            }
        }
    }

    private static SKCodec Open(string file)
    {
        SKCodec? codec;
        SKCodecResult result;
        try
        {
            codec = SKCodec.Create(file, out result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatasetException.ForFile(file, $"cannot read file ({ex.Message})", ex);
        }

        return codec ?? throw DatasetException.ForFile(file, $"not a readable image (PNG or JPEG; {result})");
    }
}
