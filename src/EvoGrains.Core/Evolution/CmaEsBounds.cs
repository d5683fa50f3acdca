namespace EvoGrains.Core.Evolution;

/// <summary>The box a <see cref="CmaEs"/> run samples in; candidates are clipped into it.</summary>
internal sealed class CmaEsBounds
{
    private readonly double[] lower;
    private readonly double[] upper;

    public CmaEsBounds(CmaEsOptions options, double[] initialMean)
    {
        var n = initialMean.Length;
        lower = (double[])(options.LowerBounds ?? Enumerable.Repeat(double.NegativeInfinity, n).ToArray()).Clone();
        upper = (double[])(options.UpperBounds ?? Enumerable.Repeat(double.PositiveInfinity, n).ToArray()).Clone();
        if (lower.Length != n || upper.Length != n)
        {
            throw new ArgumentException("Bounds must have one entry per dimension.", nameof(options));
        }

        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(lower[i]) || double.IsNaN(upper[i]) || !(lower[i] < upper[i]))
            {
                throw new ArgumentException($"Bounds of coordinate {i} must satisfy lower < upper.", nameof(options));
            }

            if (initialMean[i] < lower[i] || initialMean[i] > upper[i])
            {
                throw new ArgumentException($"Initial mean coordinate {i} lies outside its bounds.", nameof(options));
            }
        }
    }

    public double Clip(int coordinate, double value) => Math.Clamp(value, lower[coordinate], upper[coordinate]);
}
