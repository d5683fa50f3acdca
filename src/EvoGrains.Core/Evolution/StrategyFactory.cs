using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evolution;

/// <summary>Builds island i's strategy from a validated spec, and says which islands can exchange migrants.</summary>
public static class StrategyFactory
{
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

    /// <summary>The genomes island i breeds: "cell", "tree/&lt;operators&gt;" or "taylorglo".</summary>
    public static string GenomeKind(IslandSpec spec, int island) => MethodOf(spec, island) switch
    {
        "glo" => "tree/glo",
        "taylorglo" => ParameterGenome.Kind,
        _ => spec.Space == "tree" ? $"tree/{spec.Operators}" : "cell",
    };

    /// <summary>Classes the TaylorGLO invariant assumes for a dataset.</summary>
    public static int ClassesOf(string dataset) => dataset == "cifar100" ? 100 : 10;

    public static SearchStrategy Create(SearchSpec search, int island, ScreeningFunnel funnel)
    {
        var spec = search.Islands;
        var reduction = spec.Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum;
        GenomeSpace space = spec.Space == "tree"
            ? new TreeSpace(OperatorSet.Named(spec.Operators), spec.MaxDepth, reduction)
            : new CellSpace(reduction);
        var seed = unchecked((search.Seed * 7_919) + island);
        return MethodOf(spec, island) switch
        {
            RegularizedEvolution.PlainMethod => new RegularizedEvolution(space, funnel, spec.PopulationSize, spec.TournamentSize, spec.SeedEvaluations),
            RegularizedEvolution.SurrogateMethod => new RegularizedEvolution(space, funnel, spec.PopulationSize, spec.TournamentSize, spec.SeedEvaluations, RegularizedEvolution.SurrogatePool),
            "gp" => new GeneticProgramming(space, funnel, spec.PopulationSize, spec.TournamentSize, spec.Elites),
            "random" => new RandomSearch(space, funnel, spec.PopulationSize),
            "glo" => new GloSearch(new TreeSpace(OperatorSet.Glo, spec.MaxDepth, reduction), funnel, spec.PopulationSize, spec.TournamentSize, spec.Elites, spec.CmaEs, seed),
            "taylorglo" => new TaylorGloSearch(funnel, spec.CmaEs, ClassesOf(search.Evaluation.Dataset), spec.PopulationSize, seed),
            var method => throw new ArgumentException($"unknown method '{method}'", nameof(search)),
        };
    }
}
