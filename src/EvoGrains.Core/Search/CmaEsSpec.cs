using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// CMA-ES settings of the <c>glo</c> and <c>taylorglo</c> islands; the defaults are TaylorGLO's
/// published ones (sigma 1.2, population 20, up to 100 generations).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.cma-es-spec")]
public sealed record CmaEsSpec
{
    [Id(0)] internal readonly int every = 100;

    /// <summary>glo: after every this many results the best structure not yet tuned gets a CMA-ES stage.</summary>
    public int Every { get => every; init => every = value; }

    [Id(1)] internal readonly int populationSize = 20;

    /// <summary>Lambda: candidates per generation.</summary>
    public int PopulationSize { get => populationSize; init => populationSize = value; }

    [Id(2)] internal readonly double sigma = 1.2;

    public double Sigma { get => sigma; init => sigma = value; }

    [Id(3)] internal readonly int generations = 100;

    /// <summary>
    /// Generations of one CMA-ES run (a glo stage, or a taylorglo run before it restarts from its best).
    /// </summary>
    public int Generations { get => generations; init => generations = value; }
}
