using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// The islands: how many, and the method of each (island i runs Methods[i % Methods.Count]).
/// Methods: <see cref="Registries.MethodRegistry"/> ("surrogate-evolution" by default); most breed in
/// <see cref="Space"/>, "glo" and "taylorglo" in their own.
/// Spaces: "cell" (NLFS) or "tree" (GLO/NGL).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.island-spec")]
public sealed record IslandSpec
{
    [Id(0)] internal readonly int count = 1;

    public int Count { get => count; init => count = value; }

    [Id(1)] internal readonly IReadOnlyList<string> methods = [Registries.MethodRegistry.SurrogateEvolutionName];

    public IReadOnlyList<string> Methods { get => methods; init => methods = value; }

    [Id(2)] internal readonly string space = "cell";

    public string Space { get => space; init => space = value; }

    [Id(3)] internal readonly string operators = "full";

    public string Operators { get => operators; init => operators = value; }

    [Id(4)] internal readonly int maxDepth = 5;

    public int MaxDepth { get => maxDepth; init => maxDepth = value; }

    [Id(5)] internal readonly string reduction = "sum";

    public string Reduction { get => reduction; init => reduction = value; }

    [Id(6)] internal readonly int populationSize = 20;

    public int PopulationSize { get => populationSize; init => populationSize = value; }

    [Id(7)] internal readonly int tournamentSize = 5;

    public int TournamentSize { get => tournamentSize; init => tournamentSize = value; }

    [Id(8)] internal readonly int seedEvaluations = 40;

    /// <summary>Random screened evaluations before evolution starts (NLFS: 1000 for a population of 100).</summary>
    public int SeedEvaluations { get => seedEvaluations; init => seedEvaluations = value; }

    [Id(9)] internal readonly int elites = 2;

    public int Elites { get => elites; init => elites = value; }

    [Id(10)] internal readonly int inFlight = 2;

    /// <summary>Evaluations each island keeps in flight.</summary>
    public int InFlight { get => inFlight; init => inFlight = value; }

    [Id(11)] internal readonly CmaEsSpec cmaEs = new();

    /// <summary>CMA-ES of the glo and taylorglo islands.</summary>
    public CmaEsSpec CmaEs { get => cmaEs; init => cmaEs = value; }
}
