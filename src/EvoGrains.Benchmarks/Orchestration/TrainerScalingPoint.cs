namespace EvoGrains.Benchmarks.Orchestration;

/// <summary>One scaling run: achieved evaluations/s against the ideal trainers / job time.</summary>
public sealed record TrainerScalingPoint(
    int Trainers,
    int Evaluations,
    TimeSpan Elapsed,
    double EvaluationsPerSecond,
    double IdealEvaluationsPerSecond)
{
    public double Efficiency => IdealEvaluationsPerSecond > 0 ? EvaluationsPerSecond / IdealEvaluationsPerSecond : 0;
}
