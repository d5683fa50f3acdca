using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// What the funnel decided. When accepted, <see cref="Loss"/> is the loss to train (negated if
/// the integrity check flipped it), with its phenotype curve and one-hot fingerprint.
/// </summary>
public sealed record ScreeningVerdict(
    bool Accepted,
    ScreeningStage Stage,
    string Reason,
    LossFunction Loss,
    bool Flipped = false,
    double[]? Phenotype = null)
{
    /// <summary>The trained loss's <see cref="LossFunction.Fingerprint"/>; 0 when not accepted.</summary>
    public ulong Fingerprint => Accepted ? Loss.Fingerprint : 0;

    public static ScreeningVerdict Reject(ScreeningStage stage, string reason, LossFunction loss) =>
        new(false, stage, reason, loss);
}
