using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>Wire twin of <see cref="EvaluationStatus"/>: Core stays free of Orleans attributes.</summary>
[GenerateSerializer, Alias("evograins.outcome-status")]
public enum OutcomeStatus
{
    Completed = EvaluationStatus.Completed,
    EarlyStopped = EvaluationStatus.EarlyStopped,
    Failed = EvaluationStatus.Failed,
}
