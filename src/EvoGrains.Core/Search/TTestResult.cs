namespace EvoGrains.Core.Search;

/// <summary>
/// Outcome of a two-sided t-test (<see cref="WelchTTest"/> or <see cref="PairedTTest"/>). <see cref="T"/> is
/// positive when the first sample's mean is larger; NaN fields mean the test is undefined for the input.
/// </summary>
public sealed record TTestResult(double T, double DegreesOfFreedom, double PValue)
{
    public static TTestResult Undefined { get; } = new(double.NaN, double.NaN, double.NaN);
}
