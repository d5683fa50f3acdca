using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// One search of the benchmark: its best-so-far curve, its winner, and the winner's and CE's test accuracies (one per
/// seed).
/// </summary>
public sealed record SearchBenchRun(
    string Method,
    int Repeat,
    int Seed,
    int Evaluations,
    long TrainingSteps,
    double BestValidation,
    string WinnerHash,
    string WinnerExpression,
    IReadOnlyList<double> WinnerTest,
    IReadOnlyList<double> CrossEntropyTest,
    double Seconds,
    IReadOnlyList<BestSoFarPoint> Curve,
    SearchBenchDiagnostics Diagnostics)
{
    public double WinnerTestMean => WinnerTest.Count == 0 ? double.NaN : WinnerTest.Average();

    /// <summary>The winner's test accuracy's standard deviation over its seeds: the noise of one training.</summary>
    public double WinnerTestStd => WinnerTest.Count < 2 ? double.NaN : SampleSummary.Of(WinnerTest).StandardDeviation;
}
