namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// One island's progress. Diversity: distinct fitness values (to 9 digits) in the population.
/// Exhausted: the last fill found no new screened candidate.
/// </summary>
public sealed record IslandProgress(
    int Island,
    string Method,
    int PopulationSize,
    double BestFitness,
    string? BestExpression,
    int Diversity,
    long Evaluations,
    int InFlight,
    long RejectedByScreening,
    long Duplicates,
    long SharedResults,
    long MigrantsReceived,
    bool Exhausted);
