namespace EvoGrains.Abstractions;

/// <summary>One island's progress. Diversity is the number of distinct fitness values in the population. Exhausted: its last proposal attempt found no new screened candidate (2500 draws).</summary>
[GenerateSerializer, Immutable, Alias("evograins.island-status")]
public sealed record IslandStatus(
    [property: Id(0)] int Island,
    [property: Id(1)] string Method,
    [property: Id(2)] int PopulationSize,
    [property: Id(3)] double BestFitness,
    [property: Id(4)] string? BestExpression,
    [property: Id(5)] int Diversity,
    [property: Id(6)] long Evaluations,
    [property: Id(7)] int InFlight,
    [property: Id(8)] long RejectedByScreening,
    [property: Id(9)] long Duplicates,
    [property: Id(10)] long SharedResults,
    [property: Id(11)] long MigrantsReceived,
    [property: Id(12)] bool Exhausted);
