namespace EvoGrains.Core.Screening;

/// <summary>The funnel's stages, cheapest first.</summary>
public enum ScreeningStage
{
    Structure,
    Integrity,
    Validity,
    Rejection,
    Accepted,

    /// <summary>
    /// Stopped after the integrity check because the caller already holds a loss with that phenotype.
    /// </summary>
    Duplicate,
}
