namespace EvoGrains.Core.Evolution;

/// <summary>Why a <see cref="CmaEs"/> run stopped; <see cref="None"/> while it is still running.</summary>
public enum CmaEsTermination
{
    None,

    /// <summary>The best fitness reached <see cref="CmaEsOptions.TargetFitness"/>.</summary>
    TargetFitness,

    MaxGenerations,

    MaxEvaluations,

    /// <summary>
    /// Recent generation-best fitnesses and all fitnesses of the last generation lie within
    /// <see cref="CmaEsOptions.FunctionTolerance"/> of each other (Hansen's TolFun).
    /// </summary>
    FunctionTolerance,

    /// <summary>
    /// Every coordinate's standard deviation and evolution-path component fell below
    /// <see cref="CmaEsOptions.StepTolerance"/> (Hansen's TolX).
    /// </summary>
    StepTolerance,

    /// <summary>
    /// The covariance matrix became so ill-conditioned (condition number above 1e14) that further
    /// updates are numerical noise.
    /// </summary>
    ConditionNumber,

    /// <summary>
    /// The largest standard deviation grew beyond 1e20 times the initial sigma (Hansen's TolUpSigma),
    /// typically because fitness carries no signal, e.g. every candidate is non-finite.
    /// </summary>
    StepDivergence,
}
