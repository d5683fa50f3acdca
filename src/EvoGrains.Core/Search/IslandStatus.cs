namespace EvoGrains.Core.Search;

/// <summary>
/// One island's progress. Diversity is the number of distinct fitness values in the population. Exhausted: its last
/// proposal attempt found no new screened candidate (2500 draws).
/// </summary>
public sealed record IslandStatus
{
    public required int Island { get; init; }

    public required string Method { get; init; }

    public int PopulationSize { get; init; }

    public double BestFitness { get; init; } = double.NaN;

    public string? BestExpression { get; init; }

    public int Diversity { get; init; }

    public long Evaluations { get; init; }

    public int InFlight { get; init; }

    public long RejectedByScreening { get; init; }

    public long Duplicates { get; init; }

    public long SharedResults { get; init; }

    public long MigrantsReceived { get; init; }

    public bool Exhausted { get; init; }
}
