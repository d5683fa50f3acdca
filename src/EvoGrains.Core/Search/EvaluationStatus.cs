using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>How one training run ended. The values are stable: they are stored and sent as numbers.</summary>
[GenerateSerializer, Alias("evograins.evaluation-status")]
public enum EvaluationStatus
{
    Completed = 0,
    EarlyStopped = 1,
    Failed = 2,
}
