namespace EvoGrains.Grains.Benchmarks;

/// <summary>
/// The zero-cost run (island -> individual -> queue -> trainer -> back with an instant evaluator)
/// and the trainer scaling runs. <see cref="OverheadPerEvaluation"/> is trainer-slot time per
/// evaluation (elapsed x trainers / evaluations): what orchestration costs one evaluation when training is free.
/// </summary>
public sealed record OrchestrationBenchmarkResult(
    int Evaluations,
    int Trainers,
    TimeSpan Elapsed,
    double EvaluationsPerSecond,
    TimeSpan OverheadPerEvaluation,
    IReadOnlyList<TrainerScalingPoint> Scaling);
