using System.Collections.Frozen;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Evolution;

/// <summary>Builds island i's strategy from a validated spec, and says which islands can exchange migrants.</summary>
public static class StrategyFactory
{
    /// <summary>
    /// The strategy of every method of <see cref="MethodRegistry"/> (Core's list, which the validator, help and docs
    /// read), from the search, the islands' genome space, the funnel and the island's seed: a method is added there and
    /// here, and a test checks that the two name the same methods.
    /// </summary>
    internal static FrozenDictionary<
        string, Func<SearchSpec, GenomeSpace, ScreeningFunnel, int, SearchStrategy>> Builders
    { get; } =
        new Dictionary<string, Func<SearchSpec, GenomeSpace, ScreeningFunnel, int, SearchStrategy>>(
            StringComparer.Ordinal)
        {
            [MethodRegistry.RegularizedEvolution.Name] = (search, space, funnel, _) =>
                new RegularizedEvolution(
                    space, funnel, search.Islands.PopulationSize, search.Islands.TournamentSize,
                    search.Islands.SeedEvaluations),
            [MethodRegistry.SurrogateEvolution.Name] = (search, space, funnel, _) =>
                new RegularizedEvolution(
                    space, funnel, search.Islands.PopulationSize, search.Islands.TournamentSize,
                    search.Islands.SeedEvaluations, RegularizedEvolution.SurrogatePool),
            [MethodRegistry.GeneticProgramming.Name] = (search, space, funnel, _) =>
                new GeneticProgramming(
                    space, funnel, search.Islands.PopulationSize, search.Islands.TournamentSize, search.Islands.Elites),
            [MethodRegistry.Random.Name] = (search, space, funnel, _) =>
                new RandomSearch(space, funnel, search.Islands.PopulationSize),
            [MethodRegistry.Glo.Name] = (search, _, funnel, seed) => new GloSearch(
                new TreeSpace(OperatorSet.Glo, search.Islands.MaxDepth, ReductionOf(search.Islands)), funnel,
                search.Islands.PopulationSize, search.Islands.TournamentSize, search.Islands.Elites,
                search.Islands.CmaEs, seed),
            [MethodRegistry.TaylorGlo.Name] = (search, _, funnel, seed) =>
                new TaylorGloSearch(
                    funnel,
                    search.Islands.CmaEs,
                    ClassesOf(search.Evaluation.Dataset),
                    search.Islands.PopulationSize,
                    seed),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string MethodOf(IslandSpec spec, int island) => spec.Methods[island % spec.Methods.Count];

    /// <summary>
    /// Island <paramref name="to"/> can take <paramref name="from"/>'s members: it reads the same
    /// genomes, or GLO trees into full-operator trees (GLO's operators are a subset). taylorglo
    /// islands have their own parameter space and exchange with none.
    /// </summary>
    public static bool CanExchange(IslandSpec spec, int from, int to)
    {
        var (sent, taker) = (GenomeKind(spec, from), GenomeKind(spec, to));
        return sent != ParameterGenome.Kind && (sent == taker || (sent == "tree/glo" && taker == "tree/full"));
    }

    /// <summary>
    /// The genomes island i breeds: "cell", "tree/&lt;operators&gt;" or its method's own
    /// (<see cref="MethodDescriptor.OwnGenomes"/>).
    /// </summary>
    public static string GenomeKind(IslandSpec spec, int island) =>
        MethodRegistry.Get(MethodOf(spec, island)).OwnGenomes
            ?? (spec.Space == "tree" ? $"tree/{spec.Operators}" : "cell");

    /// <summary>
    /// Classes the TaylorGLO invariant assumes for a dataset: the registry's count, else (the user's files, unread when
    /// the island starts) the 10 TaylorGLO published it for.
    /// </summary>
    public static int ClassesOf(string dataset) => DatasetRegistry.Find(dataset)?.Classes ?? 10;

    /// <exception cref="ArgumentException">The island's method is not in <see cref="MethodRegistry"/>.</exception>
    public static SearchStrategy Create(SearchSpec search, int island, ScreeningFunnel funnel)
    {
        var spec = search.Islands;
        var method = MethodRegistry.Get(MethodOf(spec, island)).Name;
        GenomeSpace space = spec.Space == "tree"
            ? new TreeSpace(OperatorSet.Named(spec.Operators), spec.MaxDepth, ReductionOf(spec))
            : new CellSpace(ReductionOf(spec));
        var seed = unchecked((search.Seed * 7_919) + island);
        return Builders.GetValueOrDefault(method)?.Invoke(search, space, funnel, seed)
            ?? throw new InvalidOperationException($"the {method} method has no strategy");
    }

    private static ClassReduction ReductionOf(IslandSpec spec) =>
        spec.Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum;
}
