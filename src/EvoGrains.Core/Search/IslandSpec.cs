namespace EvoGrains.Core.Search;

/// <summary>
/// The islands: how many, and the method of each (island i runs Methods[i % Methods.Count]).
/// Methods: <see cref="Registries.MethodRegistry"/> ("surrogate-evolution" by default); most breed in <see cref="Space"/>, "glo" and
/// "taylorglo" in their own.
/// Spaces: "cell" (NLFS) or "tree" (GLO/NGL).
/// </summary>
public sealed record IslandSpec
{
    public int Count { get; init; } = 1;

    public IReadOnlyList<string> Methods { get; init; } = [Registries.MethodRegistry.SurrogateEvolutionName];

    public string Space { get; init; } = "cell";

    public string Operators { get; init; } = "full";

    public int MaxDepth { get; init; } = 5;

    public string Reduction { get; init; } = "sum";

    public int PopulationSize { get; init; } = 20;

    public int TournamentSize { get; init; } = 5;

    /// <summary>Random screened evaluations before evolution starts (NLFS: 1000 for a population of 100).</summary>
    public int SeedEvaluations { get; init; } = 40;

    public int Elites { get; init; } = 2;

    /// <summary>Evaluations each island keeps in flight.</summary>
    public int InFlight { get; init; } = 2;

    /// <summary>CMA-ES of the glo and taylorglo islands.</summary>
    public CmaEsSpec CmaEs { get; init; } = new();
}
