namespace EvoGrains.Core.Search;

/// <summary>One island's progress. Diversity is the number of distinct fitness values in the population. Exhausted: its last proposal attempt found no new screened candidate (2500 draws).</summary>
public sealed record IslandStatus(
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
