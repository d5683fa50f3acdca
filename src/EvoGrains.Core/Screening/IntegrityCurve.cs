namespace EvoGrains.Core.Screening;

/// <summary>The outcome of the NLFS integrity check on one loss.</summary>
public sealed record IntegrityCurve(string? Rejection, bool Flipped, double[] Phenotype)
{
    public bool Passed => Rejection is null;
}
