using SkiaSharp;

namespace EvoGrains.TestSupport.Data;

/// <summary>Writes small real PNG and JPEG files with SkiaSharp, and the pixel pattern they hold.</summary>
public static class ImageFiles
{
    /// <summary>Channel c of pixel (x, y) of image <paramref name="seed"/>: a pattern that differs per channel and image.</summary>
    public static byte Value(int seed, int x, int y, int c) => (byte)((seed * 31) + (x * 17) + (y * 5) + (c * 80));

    /// <summary>An RGB (or grey) image of the pattern, encoded as PNG (lossless) or JPEG.</summary>
    public static void Write(string path, int seed, int width, int height, bool grey = false, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var info = new SKImageInfo(width, height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var color = grey
                    ? new SKColor(Value(seed, x, y, 0), Value(seed, x, y, 0), Value(seed, x, y, 0))
                    : new SKColor(Value(seed, x, y, 0), Value(seed, x, y, 1), Value(seed, x, y, 2));
                bitmap.SetPixel(x, y, color);
            }
        }

        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>
    /// A folder dataset under <paramref name="root"/>: for each class, <paramref name="train"/> training and
    /// <paramref name="test"/> test images named 0.png, 1.png...; image seeds count up over the whole set.
    /// </summary>
    public static void WriteFolder(string root, IReadOnlyList<string> classes, int train, int test, int size, bool grey = false)
    {
        var seed = 0;
        foreach (var (split, count) in new[] { ("train", train), ("test", test) })
        {
            foreach (var name in classes)
            {
                for (var i = 0; i < count; i++)
                {
                    Write(Path.Combine(root, split, name, $"{i}.png"), seed++, size, size, grey);
                }
            }
        }
    }
}
