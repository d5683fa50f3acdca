namespace EvoGrains.Benchmarks.Training;

/// <summary>Today's way and every pack size, measured side by side in one run.</summary>
/// <param name="TrainingFlopsPerEvaluation">6 x forward MACs x batch x steps.</param>
/// <param name="GemmGflopsPerSecond">Float32 GEMM rate with as many libtorch threads as trainers.</param>
public sealed record PackingBenchmarkResult(
    PackingBenchmarkOptions Options,
    double TrainingFlopsPerEvaluation,
    double GemmGflopsPerSecond,
    PackingRow Today,
    IReadOnlyList<PackingRow> Rows);
