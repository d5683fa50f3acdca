namespace EvoGrains.Core.Screening;

/// <summary>The funnel's stages, cheapest first.</summary>
public enum ScreeningStage
{
    Structure,
    Integrity,
    Validity,
    Rejection,
    Accepted,
}
