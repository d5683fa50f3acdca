namespace EvoGrains.Abstractions;

/// <summary>
/// A search evaluation (owned by an individual) or a final-stage retraining run (owned by the search).
/// </summary>
[GenerateSerializer, Alias("evograins.job-kind")]
public enum JobKind
{
    Search = 0,
    Final = 1,
}
