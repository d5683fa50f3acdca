namespace EvoGrains.Core.Evolution;

/// <summary>
/// Outcome of <see cref="CmaEs.Minimize"/>. <see cref="Best"/> is null only when no candidate ever
/// received a finite fitness.
/// </summary>
public sealed record CmaEsResult(
    CmaEsSolution? Best,
    int Generations,
    long Evaluations,
    CmaEsTermination Termination);
