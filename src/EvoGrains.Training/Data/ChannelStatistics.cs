namespace EvoGrains.Training.Data;

/// <summary>Per-channel mean and standard deviation of raw pixel bytes (0..255), used to normalise batches.</summary>
public sealed record ChannelStatistics(IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    public static ChannelStatistics Compute(LabelledImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        var plane = shape.Height * shape.Width;
        var sum = new double[shape.Channels];
        var sumSquares = new double[shape.Channels];
        var pixels = images.Pixels;
        for (long i = 0; i < pixels.LongLength; i++)
        {
            var channel = (int)(i / plane % shape.Channels);
            double v = pixels[i];
            sum[channel] += v;
            sumSquares[channel] += v * v;
        }

        var n = Math.Max(1.0, (double)images.Count * plane);
        var mean = sum.Select(s => s / n).ToArray();

        // A constant channel would divide by zero; 1 leaves it merely centred.
        var std = sumSquares.Select((s, c) => Math.Sqrt(Math.Max(0.0, (s / n) - (mean[c] * mean[c]))))
            .Select(s => s < 1e-6 ? 1.0 : s)
            .ToArray();
        return new ChannelStatistics(mean, std);
    }
}
