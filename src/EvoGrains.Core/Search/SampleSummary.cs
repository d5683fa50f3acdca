using System.Globalization;
using MathNet.Numerics.Statistics;

namespace EvoGrains.Core.Search;

/// <summary>
/// Size, mean and sample standard deviation (n - 1 denominator) of one arm of a comparison table.
/// </summary>
/// <remarks>
/// With no values the mean and standard deviation are NaN; with one value the mean is that value and
/// the standard deviation is NaN, because a single run says nothing about seed-to-seed spread.
/// </remarks>
public sealed record SampleSummary
{
    public SampleSummary(int count, double mean, double standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (standardDeviation < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(standardDeviation), "A standard deviation cannot be negative.");
        }

        Count = count;
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    public int Count { get; }

    public double Mean { get; }

    public double StandardDeviation { get; }

    public double Variance => StandardDeviation * StandardDeviation;

    /// <summary>Summarises finite values; a NaN or infinite run result is rejected rather than averaged in.</summary>
    public static SampleSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = values.ToArray();
        if (data.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Sample values must be finite.", nameof(values));
        }

        return data.Length switch
        {
            0 => new SampleSummary(0, double.NaN, double.NaN),
            1 => new SampleSummary(1, data[0], double.NaN),
            _ => FromMoments(data),
        };
    }

    /// <summary>Formats as "mean ± std (n=N)" with the invariant culture, as comparison tables print it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {StandardDeviation:G6} (n={Count})");

    private static SampleSummary FromMoments(double[] data)
    {
        var (mean, standardDeviation) = data.MeanStandardDeviation();
        return new SampleSummary(data.Length, mean, standardDeviation);
    }
}
