using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of search methods a spec can name (<c>islands.methods</c>), read by the spec validator, the CLI's help,
/// the docs test and Evolution's <c>StrategyFactory</c> (which has one strategy per entry).
/// </summary>
public static class MethodRegistry
{
    /// <summary>The default method's name (a constant, for default values).</summary>
    public const string SurrogateEvolutionName = "surrogate-evolution";

    public static MethodDescriptor SurrogateEvolution { get; } = new()
    {
        Name = SurrogateEvolutionName,
        Description =
            $"regularized evolution that trains only the one of {Evolution.RegularizedEvolution.SurrogatePool} "
            + "screened children a phenotype-nearest-neighbour surrogate of its results predicts fittest",
    };

    public static MethodDescriptor RegularizedEvolution { get; } = new()
    {
        Name = "regularized-evolution",
        Description =
            "NLFS's regularized (aging) evolution: a tournament, one mutation of the fittest, the oldest member "
            + "retires",
    };

    public static MethodDescriptor GeneticProgramming { get; } = new()
    {
        Name = "gp",
        Description =
            "steady-state GP over trees (GLO/NGL style): tournament, subtree crossover and mutation, elites kept",
        NeedsTreeSpace = true,
    };

    public static MethodDescriptor Random { get; } = new()
    {
        Name = "random",
        Description = "screened random losses of the islands' space: the control every method is compared with",
    };

    public static MethodDescriptor Glo { get; } = new()
    {
        Name = "glo",
        Description =
            "GP over trees with GLO's operators, and every cmaEs.every results a CMA-ES stage over the "
            + "coefficients of the best structure not tuned yet",
        OwnGenomes = "tree/glo",
    };

    public static MethodDescriptor TaylorGlo { get; } = new()
    {
        Name = "taylorglo",
        Description =
            "CMA-ES over TaylorGLO's 8 parameters, screened by TaylorGLO's invariant, in its own parameter space",
        OwnGenomes = ParameterGenome.Kind,
    };

    /// <summary>Every method, in the order help and docs list them.</summary>
    public static IReadOnlyList<MethodDescriptor> All { get; } = [
        RegularizedEvolution, SurrogateEvolution, GeneticProgramming, Random, Glo, TaylorGlo];

    private static readonly Registry<MethodDescriptor> Entries = new("method", All);

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>Every method with its description, "name (description); ..." (option help).</summary>
    public static string Help => Entries.Help;

    /// <summary>The method named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public static MethodDescriptor? Find(string name) => Entries.Find(name);

    /// <summary>The method named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No method has that name.</exception>
    public static MethodDescriptor Get(string name) => Entries.Get(name);
}
