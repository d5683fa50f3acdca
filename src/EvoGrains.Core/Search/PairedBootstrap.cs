using MathNet.Numerics.Statistics;

namespace EvoGrains.Core.Search;

/// <summary>
/// Percentile bootstrap of a statistic of paired values: each resample draws n items (pairs) with replacement,
/// seeded, so the same inputs and seed give the same interval.
/// </summary>
/// <remarks>
/// Quantiles are MathNet's default (R-8, approximately median-unbiased). A percentile interval need not
/// contain the estimate when the resampled statistics are skewed; with fewer than two items, or when the
/// estimate itself is undefined, every bound is NaN and nothing is resampled.
/// </remarks>
public static class PairedBootstrap
{
    public const int DefaultResamples = 2000;

    public static BootstrapInterval Percentile(
        IReadOnlyList<double> first,
        IReadOnlyList<double> second,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double> statistic,
        int seed,
        int resamples = DefaultResamples,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence), confidence, "The confidence must lie strictly between 0 and 1.");
        }

        var estimate = statistic(first, second);
        if (first.Count < 2 || double.IsNaN(estimate))
        {
            return new BootstrapInterval(estimate, double.NaN, double.NaN, confidence, 0, 0);
        }

        var random = new Random(seed);
        var defined = new List<double>(resamples);
        var (x, y) = (new double[first.Count], new double[first.Count]);
        for (var resample = 0; resample < resamples; resample++)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var pick = random.Next(x.Length);
                (x[i], y[i]) = (first[pick], second[pick]);
            }

            if (statistic(x, y) is var value && !double.IsNaN(value))
            {
                defined.Add(value);
            }
        }

        var undefined = resamples - defined.Count;
        if (defined.Count == 0)
        {
            return new BootstrapInterval(estimate, double.NaN, double.NaN, confidence, resamples, undefined);
        }

        var tail = (1 - confidence) / 2;
        return new BootstrapInterval(
            estimate, defined.Quantile(tail), defined.Quantile(1 - tail), confidence, resamples, undefined);
    }
}
