namespace EvoGrains.Core.Expressions;

/// <summary>
/// A Chebyshev approximation of a smooth function on [a, b], fitted once from a slow but exact
/// reference and evaluated with Clenshaw's recurrence (a few dozen multiply-adds).
/// </summary>
internal sealed class ChebyshevSeries
{
    private readonly double[] coefficients;
    private readonly double a;
    private readonly double b;

    public ChebyshevSeries(Func<double, double> function, double a, double b, int terms)
    {
        this.a = a;
        this.b = b;
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

        // Trailing terms below double precision only cost time.
        var scale = fitted.Max(Math.Abs);
        var used = terms;
        while (used > 2 && Math.Abs(fitted[used - 1]) < 1e-17 * scale)
        {
            used--;
        }

        coefficients = fitted[..used];
    }

    public double Evaluate(double x)
    {
        var t = (2 * x - a - b) / (b - a);
        var twoT = 2 * t;
        double next = 0, current = 0;
        for (var j = coefficients.Length - 1; j >= 1; j--)
        {
            var previous = current;
            current = twoT * current - next + coefficients[j];
            next = previous;
        }

        return t * current - next + 0.5 * coefficients[0];
    }
}
