using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// What the funnel decided. When accepted, <see cref="Loss"/> is the loss to train (negated if
/// the integrity check flipped it), with its phenotype curve and behavioural fingerprint.
/// </summary>
public sealed record ScreeningVerdict(
    bool Accepted,
    ScreeningStage Stage,
    string Reason,
    LossFunction Loss,
    bool Flipped = false,
    double[]? Phenotype = null,
    ulong Fingerprint = 0)
{
    public static ScreeningVerdict Reject(ScreeningStage stage, string reason, LossFunction loss) => new(false, stage, reason, loss);
}
