namespace EvoGrains.Grains.Benchmarks;

/// <summary>
/// The zero-cost run (island -> individual -> queue -> trainer -> back with an instant evaluator)
/// and the trainer scaling runs. <see cref="OverheadPerEvaluation"/> is trainer-slot time per
/// evaluation (elapsed x trainers / evaluations): what orchestration costs one evaluation when training is free.
/// Evaluations count trained jobs: a result shared between islands by deduplication is counted once.
/// <see cref="ProposalCost"/> is the single-threaded Core cost of proposing (breeding + screening) and
/// synthetically scoring one candidate on this machine: the part of the overhead that is search, not messaging.
/// <see cref="CpuPerEvaluation"/> is this process's CPU time over the zero-cost run per evaluation (all threads;
/// meaningful when the cluster runs in this process), so CPU per evaluation minus the proposal cost is what
/// the grains, messages and storage cost.
/// </summary>
public sealed record OrchestrationBenchmarkResult(
    int Evaluations,
    int Trainers,
    TimeSpan Elapsed,
    double EvaluationsPerSecond,
    TimeSpan OverheadPerEvaluation,
    TimeSpan ProposalCost,
    TimeSpan CpuPerEvaluation,
    IReadOnlyList<TrainerScalingPoint> Scaling);
