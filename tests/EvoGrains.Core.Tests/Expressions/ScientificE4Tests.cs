using System.Globalization;
using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class ScientificE4Tests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(10000.5)] // a tie at the sixth digit: the standard formatter decides
    [InlineData(-123455.0)]
    [InlineData(99999.5)]
    [InlineData(9.99995)]
    [InlineData(0.000123456789)]
    [InlineData(1e22)]
    [InlineData(1e-300)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Writes_what_the_standard_formatter_writes(double value) => AssertSame(value);

    [Fact]
    public void Agrees_with_the_standard_formatter_on_any_double() =>
        Gen.Double.Sample(AssertSame, iter: 200_000);

    [Fact]
    public void Agrees_near_powers_of_ten_and_ties()
    {
        // Where Log10 is one off and where the sixth digit is a 5: the two places the fast path could go wrong.
        var values =
            from exponent in Gen.Int[-40, 40]
            from mantissa in Gen.OneOf(Gen.Double[0.999999, 1.000001], Gen.Double[9.99990, 10.0], Gen.Int[10_000, 99_999]
                .Select(m => (m + 0.5) / 10_000))
            from ulps in Gen.Int[-3, 3]
            select Step(mantissa * Math.Pow(10, exponent), ulps);
        values.Sample(AssertSame, iter: 200_000);
    }

    private static double Step(double value, int ulps)
    {
        for (var i = 0; i < Math.Abs(ulps); i++)
        {
            value = ulps > 0 ? Math.BitIncrement(value) : Math.BitDecrement(value);
        }

        return value;
    }

    private static void AssertSame(double value)
    {
        Span<char> text = stackalloc char[ScientificE4.MaxLength];
        var written = ScientificE4.Format(value, text);
        Assert.Equal(value.ToString("E4", CultureInfo.InvariantCulture), text[..written].ToString());
    }
}
