namespace EvoGrains.Core.Search;

/// <summary>
/// CMA-ES settings of the <c>glo</c> and <c>taylorglo</c> islands; the defaults are TaylorGLO's
/// published ones (sigma 1.2, population 20, up to 100 generations).
/// </summary>
public sealed record CmaEsSpec
{
    /// <summary>glo: after every this many results the best structure not yet tuned gets a CMA-ES stage.</summary>
    public int Every { get; init; } = 100;

    /// <summary>Lambda: candidates per generation.</summary>
    public int PopulationSize { get; init; } = 20;

    public double Sigma { get; init; } = 1.2;

    /// <summary>Generations of one CMA-ES run (a glo stage, or a taylorglo run before it restarts from its best).</summary>
    public int Generations { get; init; } = 100;
}
