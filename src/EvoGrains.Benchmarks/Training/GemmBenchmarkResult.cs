namespace EvoGrains.Benchmarks.Training;

/// <summary>Best-of-N timing of an n x n float32 matrix product (2 n^3 FLOPs).</summary>
public sealed record GemmBenchmarkResult(
    int Size,
    int Repetitions,
    double BestSeconds,
    double GflopsPerSecond,
    string Device);
