using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// One island's progress. Diversity is the number of distinct fitness values in the population. Exhausted: its last
/// proposal attempt found no new screened candidate (2500 draws).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.island-status")]
public sealed record IslandStatus
{
    [Id(0)] internal readonly int island;

    public required int Island { get => island; init => island = value; }

    [Id(1)] internal readonly string method = null!;

    public required string Method { get => method; init => method = value; }

    [Id(2)] internal readonly int populationSize;

    public int PopulationSize { get => populationSize; init => populationSize = value; }

    [Id(3)] internal readonly double bestFitness = double.NaN;

    public double BestFitness { get => bestFitness; init => bestFitness = value; }

    [Id(4)] internal readonly string? bestExpression;

    public string? BestExpression { get => bestExpression; init => bestExpression = value; }

    [Id(5)] internal readonly int diversity;

    public int Diversity { get => diversity; init => diversity = value; }

    [Id(6)] internal readonly long evaluations;

    public long Evaluations { get => evaluations; init => evaluations = value; }

    [Id(7)] internal readonly int inFlight;

    public int InFlight { get => inFlight; init => inFlight = value; }

    [Id(8)] internal readonly long rejectedByScreening;

    public long RejectedByScreening { get => rejectedByScreening; init => rejectedByScreening = value; }

    [Id(9)] internal readonly long duplicates;

    public long Duplicates { get => duplicates; init => duplicates = value; }

    [Id(10)] internal readonly long sharedResults;

    public long SharedResults { get => sharedResults; init => sharedResults = value; }

    [Id(11)] internal readonly long migrantsReceived;

    public long MigrantsReceived { get => migrantsReceived; init => migrantsReceived = value; }

    [Id(12)] internal readonly bool exhausted;

    public bool Exhausted { get => exhausted; init => exhausted = value; }
}
