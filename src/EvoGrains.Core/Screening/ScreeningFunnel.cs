using System.Runtime.CompilerServices;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// Rejects candidates before any training, cheapest check first: structure,
/// NLFS integrity curve (with flip), validity (METHODS.md §5), AutoLoss-Zero rejection.
/// Thread-safe: all state is immutable probes.
/// </summary>
public sealed class ScreeningFunnel
{
    public const int MaxExpressionSize = 64;

    private readonly ProbeSet validityProbes = new(samples: 24, classes: 10, seed: 20240501);
    private readonly ProbeSet rejectionProbes = new(samples: 8, classes: 10, seed: 20220619, logitScale: 1);

    /// <param name="loss">The candidate.</param>
    /// <param name="isKnown">
    /// Asked right after the integrity check with the candidate as it would be proposed (flipped if it was) and its
    /// phenotype; true stops screening there with <see cref="ScreeningStage.Duplicate"/>, so a candidate the caller
    /// already knows costs none of the dearer checks.
    /// </param>
    [SkipLocalsInit] // The integrity check writes the phenotype in full before anything reads it.
    public ScreeningVerdict Screen(LossFunction loss, Func<LossFunction, ReadOnlySpan<double>, bool>? isKnown = null)
    {
        if (RejectStructure(loss) is { } malformed)
        {
            return malformed;
        }

        // Most candidates that pass the integrity check fail a later one, so their phenotype stays on the stack.
        Span<double> phenotype = stackalloc double[IntegrityCheck.Points];
        if (IntegrityCheck.Check(loss, phenotype, out var flipped) is { } failed)
        {
            return ScreeningVerdict.Reject(ScreeningStage.Integrity, failed, loss);
        }

        var candidate = flipped ? loss.Negated() : loss;
        if (isKnown?.Invoke(candidate, phenotype) == true)
        {
            return new ScreeningVerdict(
                false, ScreeningStage.Duplicate, "behaves like a loss already known", candidate, flipped);
        }

        var interpreter = new LossInterpreter(candidate);
        var invalid = ValidityCheck.Run(interpreter, validityProbes);
        if (invalid is not null)
        {
            return ScreeningVerdict.Reject(ScreeningStage.Validity, invalid, candidate);
        }

        var rejected = RejectionProtocol.Run(interpreter, rejectionProbes);
        if (rejected is not null)
        {
            return ScreeningVerdict.Reject(ScreeningStage.Rejection, rejected, candidate);
        }

        return new ScreeningVerdict(
            true,
            ScreeningStage.Accepted,
            flipped ? "accepted (flipped: the curve ran the wrong way)" : "accepted",
            candidate,
            flipped,
            phenotype.ToArray());
    }

    /// <summary>
    /// The funnel's first check alone: a loss that ignores y or p, or is too large, cannot be one. Null when it passes.
    /// It reads the raw tree, so it costs a walk of it and no canonicalisation.
    /// </summary>
    public static ScreeningVerdict? RejectStructure(LossFunction loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!loss.UsesLabel)
        {
            return ScreeningVerdict.Reject(ScreeningStage.Structure, "does not depend on the label y", loss);
        }

        if (!loss.UsesPrediction)
        {
            return ScreeningVerdict.Reject(
                ScreeningStage.Structure, "does not depend on the prediction p (or logits z)", loss);
        }

        return loss.Element.Size > MaxExpressionSize
            ? ScreeningVerdict.Reject(
                ScreeningStage.Structure, $"has {loss.Element.Size} nodes (at most {MaxExpressionSize})", loss)
            : null;
    }
}
