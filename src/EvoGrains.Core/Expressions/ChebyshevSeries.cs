namespace EvoGrains.Core.Expressions;

/// <summary>
/// A piecewise Chebyshev approximation of a smooth function on [a, b], fitted once from a slow but
/// exact reference and evaluated with Clenshaw's recurrence. Equal pieces converge much faster than
/// one series over the whole range, so each evaluation needs about a dozen multiply-adds.
/// </summary>
internal sealed class ChebyshevSeries
{
    private const int Pieces = 16;

    private readonly double[][] coefficients;
    private readonly double a;
    private readonly double piecesPerUnit;

    public ChebyshevSeries(Func<double, double> function, double a, double b, int terms)
    {
        this.a = a;
        piecesPerUnit = Pieces / (b - a);
        var width = (b - a) / Pieces;
        coefficients = new double[Pieces][];
        for (var piece = 0; piece < Pieces; piece++)
        {
            var from = a + piece * width;
            coefficients[piece] = Fit(function, from, from + width, terms);
        }
    }

    public double Evaluate(double x)
    {
        var position = (x - a) * piecesPerUnit;

        // The casts clamp x = b (and rounding just past either end) into the first or last piece.
        var piece = Math.Clamp((int)position, 0, Pieces - 1);
        var t = 2 * (position - piece) - 1;
        var series = coefficients[piece];
        var twoT = 2 * t;
        double next = 0, current = 0;
        for (var j = series.Length - 1; j >= 1; j--)
        {
            var previous = current;
            current = twoT * current - next + series[j];
            next = previous;
        }

        return t * current - next + 0.5 * series[0];
    }

    private static double[] Fit(Func<double, double> function, double a, double b, int terms)
    {
        var values = new double[terms];
        for (var k = 0; k < terms; k++)
        {
            var node = Math.Cos(Math.PI * (k + 0.5) / terms);
            values[k] = function(0.5 * (b - a) * node + 0.5 * (b + a));
        }

        var fitted = new double[terms];
        for (var j = 0; j < terms; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < terms; k++)
            {
                sum += values[k] * Math.Cos(Math.PI * j * (k + 0.5) / terms);
            }

            fitted[j] = 2.0 * sum / terms;
        }

        // The reference is exact to about 1e-16, so past the last coefficient above 1e-15 of the largest
        // the fit is noise: those terms cost time and add error. One more term is kept as a margin.
        var scale = fitted.Max(Math.Abs);
        var used = Math.Clamp(Array.FindLastIndex(fitted, c => Math.Abs(c) >= 1e-15 * scale) + 2, 2, terms);
        return fitted[..used];
    }
}
