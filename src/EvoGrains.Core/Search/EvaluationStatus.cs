namespace EvoGrains.Core.Search;

public enum EvaluationStatus
{
    Completed,
    EarlyStopped,
    Failed,
}
