using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Evolution;

/// <summary>Builds island i's strategy from a validated spec.</summary>
public static class StrategyFactory
{
    public static string MethodOf(IslandSpec spec, int island) => spec.Methods[island % spec.Methods.Count];

    /// <summary>Island <paramref name="to"/> can take <paramref name="from"/>'s members: both read the same genomes.</summary>
    public static bool CanExchange(IslandSpec spec, int from, int to) => GenomeKind(spec, from) == GenomeKind(spec, to);

    /// <summary>The genomes island i breeds: its space, and for trees the operator set.</summary>
    public static string GenomeKind(IslandSpec spec, int island) => spec.Space == "tree" ? $"tree/{spec.Operators}" : spec.Space;

    public static SearchStrategy Create(IslandSpec spec, int island, ScreeningFunnel funnel)
    {
        var reduction = spec.Reduction == "mean" ? ClassReduction.Mean : ClassReduction.Sum;
        GenomeSpace space = spec.Space == "tree"
            ? new TreeSpace(OperatorSet.Named(spec.Operators), spec.MaxDepth, reduction)
            : new CellSpace(reduction);
        return MethodOf(spec, island) switch
        {
            "regularized-evolution" => new RegularizedEvolution(space, funnel, spec.PopulationSize, spec.TournamentSize, spec.SeedEvaluations),
            "gp" => new GeneticProgramming(space, funnel, spec.PopulationSize, spec.TournamentSize, spec.Elites),
            "random" => new RandomSearch(space, funnel, spec.PopulationSize),
            var method => throw new ArgumentException($"unknown method '{method}'", nameof(spec)),
        };
    }
}
