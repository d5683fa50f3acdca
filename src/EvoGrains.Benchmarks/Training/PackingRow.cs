namespace EvoGrains.Benchmarks.Training;

/// <summary>One configuration of the packing benchmark.</summary>
/// <param name="PackSize">Members per pack; null for today's way (one candidate per trainer, set-up per
/// evaluation).</param>
/// <param name="EvaluationsPerSecond">End to end (set-up, training and validation), wall clock, best round.</param>
/// <param name="Speedup">Over today's way, measured in the same run.</param>
/// <param name="FlopFraction">Training FLOPs per second over the GEMM rate of the cores used.</param>
/// <param name="CpuSecondsPerEvaluation">Process CPU time per evaluation, best round: steadier than the wall clock on
/// shared cores.</param>
/// <param name="CpuSpeedup">Today's CPU seconds per evaluation over this configuration's.</param>
/// <param name="Failed">Candidates whose training failed (they count as evaluations, as in a search).</param>
public sealed record PackingRow(
    int? PackSize,
    double EvaluationsPerSecond,
    double Speedup,
    double FlopFraction,
    double CpuSecondsPerEvaluation,
    double CpuSpeedup,
    int Failed);
