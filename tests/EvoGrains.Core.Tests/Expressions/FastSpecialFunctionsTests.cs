using EvoGrains.Core.Expressions;
using MathNet.Numerics;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class FastSpecialFunctionsTests
{
    // Dense over the fitted ranges, through every piece boundary and the near/far splits, and far out.
    public static TheoryData<double> Points()
    {
        var points = new TheoryData<double>();
        foreach (var x in Enumerable.Range(0, 321).Select(i => i * 0.0625).Concat([1e-300, 1e-9, 12.5, 25, 60, 100, 300, 700]))
        {
            points.Add(x);
            points.Add(-x);
        }

        return points;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Erf_and_erfc_match_the_reference(double x)
    {
        AssertClose(SpecialFunctions.Erf(x), FastSpecialFunctions.Erf(x));

        // Below the split erfc is 1 - erf, so its error is absolute: a few dozen ulps of 1.
        AssertClose(SpecialFunctions.Erfc(x), FastSpecialFunctions.Erfc(x), absolute: 1e-14);
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Scaled_bessel_functions_match_the_reference(double x)
    {
        AssertClose(SpecialFunctions.BesselIScaled(0, x), FastSpecialFunctions.I0e(x));
        AssertClose(SpecialFunctions.BesselIScaled(1, x), FastSpecialFunctions.I1e(x));
    }

    private static void AssertClose(double expected, double actual, double absolute = 1e-300)
    {
        var tolerance = 1e-13 * Math.Abs(expected) + absolute;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }
}
