using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// Writes a double exactly as <c>value.ToString("E4", CultureInfo.InvariantCulture)</c> does ("-1.2346E-005"), without
/// the general formatter's digit generation: the five digits come from one product with an exact power of ten. A value
/// whose rounding that cannot decide (a sixth digit within rounding error of a tie, or a power of ten past 10^22) goes
/// through the standard formatter.
/// </summary>
internal static class ScientificE4
{
    /// <summary>The longest text either path writes: "-1.2346E-308".</summary>
    public const int MaxLength = 16;

    private const int Digits = 5;

    // The standard formatter takes over this close to a tie: far above the error of one rounded product (1e-11 here).
    private const double TieMargin = 1e-7;

    // 10^0 .. 10^22 are exact doubles (5^22 < 2^53), and so is each product of this loop.
    private static readonly double[] Powers = Enumerable.Range(0, 23)
        .Select(n => Enumerable.Repeat(10.0, n).Aggregate(1.0, (product, ten) => product * ten))
        .ToArray();

    public static int Format(double value, Span<char> destination)
    {
        var magnitude = Math.Abs(value);
        if (double.IsFinite(value) && magnitude > 0 && TryDigits(magnitude, out var digits, out var exponent))
        {
            return Write(value < 0, digits, exponent, destination);
        }

        value.TryFormat(destination, out var written, "E4", CultureInfo.InvariantCulture);
        return written;
    }

    private static bool TryDigits(double magnitude, out long digits, out int exponent)
    {
        exponent = (int)Math.Floor(Math.Log10(magnitude));
        digits = 0;
        if (!TryScale(magnitude, exponent, out var scaled))
        {
            return false;
        }

        // Log10 can be one off near a power of ten.
        if (scaled < 10_000 || scaled >= 100_000)
        {
            exponent += scaled < 10_000 ? -1 : 1;
            if (!TryScale(magnitude, exponent, out scaled))
            {
                return false;
            }
        }

        var floor = Math.Floor(scaled);
        if (Math.Abs(scaled - floor - 0.5) < TieMargin)
        {
            return false;
        }

        digits = (long)floor + (scaled - floor > 0.5 ? 1 : 0);
        if (digits >= 100_000)
        {
            (digits, exponent) = (digits / 10, exponent + 1);
        }

        return true;
    }

    // magnitude / 10^(exponent - 4), with one rounding.
    private static bool TryScale(double magnitude, int exponent, out double scaled)
    {
        var shift = Digits - 1 - exponent;
        scaled = Math.Abs(shift) < Powers.Length
            ? shift >= 0 ? magnitude * Powers[shift] : magnitude / Powers[-shift]
            : double.NaN;
        return !double.IsNaN(scaled);
    }

    private static int Write(bool negative, long digits, int exponent, Span<char> destination)
    {
        var at = 0;
        if (negative)
        {
            destination[at++] = '-';
        }

        destination[at++] = (char)('0' + (digits / 10_000));
        destination[at++] = '.';
        for (var power = 1_000; power > 0; power /= 10)
        {
            destination[at++] = (char)('0' + (digits / power % 10));
        }

        destination[at++] = 'E';
        destination[at++] = exponent < 0 ? '-' : '+';
        var absolute = Math.Abs(exponent);
        destination[at++] = (char)('0' + (absolute / 100));
        destination[at++] = (char)('0' + (absolute / 10 % 10));
        destination[at++] = (char)('0' + (absolute % 10));
        return at;
    }
}
