namespace EvoGrains.Benchmarks.Training;

/// <summary>Analytic training cost of a model and the FLOP rate a real training run achieved with it.</summary>
/// <param name="Model">Model name.</param>
/// <param name="ForwardMacsPerImage">Conv and linear multiply-accumulates of one forward pass.</param>
/// <param name="TrainingFlopsPerImage">2 FLOPs per MAC, times 3 for forward plus backward.</param>
/// <param name="ImagesPerSecond">Measured training throughput.</param>
/// <param name="AchievedGflopsPerSecond">TrainingFlopsPerImage x ImagesPerSecond.</param>
public sealed record ModelFlopsResult(
    string Model,
    long ForwardMacsPerImage,
    double TrainingFlopsPerImage,
    double ImagesPerSecond,
    double AchievedGflopsPerSecond)
{
    /// <summary>Fraction of the GEMM rate the training achieves.</summary>
    public double RatioTo(GemmBenchmarkResult gemm)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        return AchievedGflopsPerSecond / gemm.GflopsPerSecond;
    }
}
