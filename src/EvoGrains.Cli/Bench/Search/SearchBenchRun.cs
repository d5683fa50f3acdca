using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// One search of the benchmark: its best-so-far curve, its winner, and the winner's and CE's test accuracies (one per
/// seed).
/// </summary>
public sealed record SearchBenchRun
{
    public required string Method { get; init; }

    public required int Repeat { get; init; }

    public required int Seed { get; init; }

    public required int Evaluations { get; init; }

    public required long TrainingSteps { get; init; }

    public required double BestValidation { get; init; }

    public required string WinnerHash { get; init; }

    public required string WinnerExpression { get; init; }

    public required IReadOnlyList<double> WinnerTest { get; init; }

    public required IReadOnlyList<double> CrossEntropyTest { get; init; }

    public required double Seconds { get; init; }

    public required IReadOnlyList<BestSoFarPoint> Curve { get; init; }

    public required SearchBenchDiagnostics Diagnostics { get; init; }

    public double WinnerTestMean => WinnerTest.Count == 0 ? double.NaN : WinnerTest.Average();

    /// <summary>The winner's test accuracy's standard deviation over its seeds: the noise of one training.</summary>
    public double WinnerTestStd => WinnerTest.Count < 2 ? double.NaN : SampleSummary.Of(WinnerTest).StandardDeviation;
}
