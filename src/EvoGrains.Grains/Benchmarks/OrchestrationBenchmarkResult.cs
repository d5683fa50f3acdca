namespace EvoGrains.Grains.Benchmarks;

/// <summary>
/// The zero-cost run (island -> individual -> queue -> trainer -> back with an instant evaluator)
/// and the trainer scaling runs. <see cref="OverheadPerEvaluation"/> is trainer-slot time per
/// evaluation (elapsed x trainers / evaluations): what orchestration costs one evaluation when training is free.
/// Evaluations count trained jobs: a result shared between islands by deduplication is counted once.
/// <see cref="ProposalCost"/> is the single-threaded Core cost of proposing (breeding + screening) and
/// synthetically scoring one candidate on this machine: the part of the overhead that is search, not messaging.
/// </summary>
public sealed record OrchestrationBenchmarkResult(
    int Evaluations,
    int Trainers,
    TimeSpan Elapsed,
    double EvaluationsPerSecond,
    TimeSpan OverheadPerEvaluation,
    TimeSpan ProposalCost,
    IReadOnlyList<TrainerScalingPoint> Scaling);
