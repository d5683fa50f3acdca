namespace EvoGrains.Core.Search;

/// <summary>
/// Outcome of <see cref="WelchTTest.Compare(SampleSummary, SampleSummary)"/>. <see cref="T"/> is
/// positive when the first sample's mean is larger; <see cref="PValue"/> is two-sided.
/// </summary>
public sealed record WelchTTestResult(double T, double DegreesOfFreedom, double PValue);
