namespace EvoGrains.Core.Evolution;

/// <summary>
/// Settings for <see cref="CmaEs"/>. Unset optional members fall back to Hansen's defaults
/// ("The CMA Evolution Strategy: A Tutorial", 2016).
/// </summary>
public sealed class CmaEsOptions
{
    /// <summary>Initial global step size; roughly a quarter of the search range is a good start.</summary>
    public required double InitialSigma { get; init; }

    public int Seed { get; init; }

    /// <summary>Lambda; defaults to 4 + floor(3 ln n).</summary>
    public int? PopulationSize { get; init; }

    /// <summary>Per-coordinate lower bounds; use negative infinity for an unbounded coordinate.</summary>
    public double[]? LowerBounds { get; init; }

    /// <summary>Per-coordinate upper bounds; use positive infinity for an unbounded coordinate.</summary>
    public double[]? UpperBounds { get; init; }

    /// <summary>Defaults to 100 + 150 (n + 3)^2 / sqrt(lambda), as in pycma.</summary>
    public int? MaxGenerations { get; init; }

    public long? MaxEvaluations { get; init; }

    /// <summary>Stop as soon as a finite fitness at or below this value is told.</summary>
    public double? TargetFitness { get; init; }

    public double FunctionTolerance { get; init; } = 1e-12;

    public double StepTolerance { get; init; } = 1e-12;
}
