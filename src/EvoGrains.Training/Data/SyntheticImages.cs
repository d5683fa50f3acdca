namespace EvoGrains.Training.Data;

/// <summary>
/// Seeded, learnable synthetic images: each class owns a few Gaussian blobs at fixed places; a sample is its
/// class pattern at a random brightness plus pixel noise. Same options, same bytes.
/// </summary>
public static class SyntheticImages
{
    private const int BlobsPerClass = 3;

    public static (LabelledImages Train, LabelledImages Test) Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Classes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Classes, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrainCount, options.Classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TestCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Size, 4);

        var shape = new ImageShape(options.Channels, options.Size, options.Size);
        var random = new Random(options.Seed);
        var prototypes = Enumerable.Range(0, options.Classes).Select(_ => Prototype(shape, random)).ToArray();
        return (Sample(options.TrainCount, shape, prototypes, options.NoiseStd, random),
                Sample(options.TestCount, shape, prototypes, options.NoiseStd, random));
    }

    private static double[] Prototype(ImageShape shape, Random random)
    {
        var pattern = new double[shape.PixelsPerImage];
        var sigma = shape.Height / 6.0;
        for (var b = 0; b < BlobsPerClass; b++)
        {
            var channel = random.Next(shape.Channels);
            var cy = random.NextDouble() * shape.Height;
            var cx = random.NextDouble() * shape.Width;
            for (var y = 0; y < shape.Height; y++)
            {
                for (var x = 0; x < shape.Width; x++)
                {
                    var d2 = ((y - cy) * (y - cy)) + ((x - cx) * (x - cx));
                    pattern[(channel * shape.Height * shape.Width) + (y * shape.Width) + x] +=
                        200.0 * Math.Exp(-d2 / (2 * sigma * sigma));
                }
            }
        }

        return pattern;
    }

    private static LabelledImages Sample(
        int count,
        ImageShape shape,
        double[][] prototypes,
        double noiseStd,
        Random random)
    {
        var size = shape.PixelsPerImage;
        var pixels = new byte[(long)count * size];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            // Cycling the labels keeps the classes balanced even in tiny sets.
            var label = i % prototypes.Length;
            labels[i] = (byte)label;
            var brightness = 0.5 + (0.5 * random.NextDouble());
            for (var p = 0; p < size; p++)
            {
                var value = 20.0 + (brightness * prototypes[label][p]) + (noiseStd * Gaussian(random));
                pixels[((long)i * size) + p] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }

        return new LabelledImages(pixels, labels, shape);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
