namespace EvoGrains.Benchmarks.Training;

/// <summary>Everything `bench training` measured.</summary>
/// <param name="StepCosts">Native CE first, then the zoo.</param>
/// <param name="Memory">Evaluations one at a time (baikal, 5 steps each).</param>
/// <param name="PackedMemory">The same in packs of the zoo twice.</param>
/// <param name="Accuracy">Only when asked for.</param>
public sealed record TrainingBenchmarkResult(
    TrainingBenchmarkOptions Options,
    string Dataset,
    int BatchSize,
    IReadOnlyList<LossStepCost> StepCosts,
    GemmBenchmarkResult Gemm,
    ModelFlopsResult Flops,
    MemoryGrowthResult Memory,
    MemoryGrowthResult PackedMemory,
    AccuracyCheckResult? Accuracy)
{
    /// <summary>The training FLOP rate over the GEMM rate.</summary>
    public double FlopFraction => Flops.RatioTo(Gemm);
}
