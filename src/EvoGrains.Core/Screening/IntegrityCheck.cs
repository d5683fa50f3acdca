using System.Runtime.CompilerServices;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// NLFS integrity check (Morgan and Hougen 2024): the two-class loss curve y=[0,1], p=[q,1-q]
/// over 1000 values of q must be finite, not all zero, have its extremes away from q=0.5,
/// at most 10 flat steps and at most two slope sign changes. A curve that rises as the prediction
/// becomes correct is flipped. The min-max normalised curve is the phenotype.
/// Subtree columns of the losses a search keeps are remembered process-wide (<see cref="Remember"/>), so a bred child
/// costs about the nodes its mutation changed; the columns of a child being screened live in per-thread scratch.
/// </summary>
public static class IntegrityCheck
{
    public const int Points = 1000;
    private const double Lowest = 1e-7;
    private const int CentreFrom = 490;
    private const int CentreTo = 510;
    private const int MaxFlatSteps = 10;
    private const int MaxSlopeSignChanges = 2;
    private const double FlatTolerance = 1e-12;
    private const int CoarseStride = 20;

    private static readonly int[] CoarseIndices =
        [.. Enumerable.Range(0, Points).Where(i => i % CoarseStride == 0), Points - 1];

    private static readonly double[] Q = Enumerable.Range(0, Points)
        .Select(i => Lowest + (1 - 2 * Lowest) * i / (Points - 1))
        .ToArray();

    private static readonly double[] CoarseQ = CoarseIndices.Select(i => Q[i]).ToArray();

    // Two classes, true class 1: the wrong class gets q, the true class 1 - q, logits log p.
    // Full columns take 8 KB each, so at most 2 x 8 MB are remembered: about the subtrees of every live member and
    // candidate.
    [ThreadStatic]
    private static ColumnScratch? coarseScratch;

    [ThreadStatic]
    private static ColumnScratch? fullScratch;

    private static readonly ColumnEvaluator WrongClass = Columns(Q, capacity: 1024);
    private static readonly ColumnEvaluator TrueClass = Columns(Q.Select(q => 1 - q).ToArray(), capacity: 1024);
    private static readonly ColumnEvaluator CoarseWrongClass = Columns(CoarseQ, capacity: 16384);
    private static readonly ColumnEvaluator CoarseTrueClass =
        Columns(CoarseQ.Select(q => 1 - q).ToArray(), capacity: 16384);

    /// <summary>Checks a loss. It computes the columns of subtrees not remembered but does not remember them.</summary>
    [SkipLocalsInit] // Check writes the curve in full before it reads it.
    public static IntegrityCurve Run(LossFunction loss)
    {
        Span<double> phenotype = stackalloc double[Points];
        var rejection = Check(loss, phenotype, out var flipped);
        return rejection is null ? new(null, flipped, phenotype.ToArray()) : new(rejection, false, []);
    }

    /// <summary>
    /// <see cref="Run"/> without garbage: null when the loss passes, and then <paramref name="phenotype"/> (of
    /// <see cref="Points"/> values) holds its phenotype; otherwise the reason it fails.
    /// </summary>
    [SkipLocalsInit] // Both curves are written in full before they are read.
    public static string? Check(LossFunction loss, Span<double> phenotype, out bool flipped)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(phenotype.Length, Points, nameof(phenotype));
        flipped = false;
        var yWrong = loss.Label(false, 2);
        var yTrue = loss.Label(true, 2);
        var weight = loss.ClassWeight(2);

        // A coarse pass over a subset of the same grid rejects most bad curves at a twentieth of
        // the cost; any curve it rejects (non-finite, too many turns) the full grid would reject too.
        var scratch = coarseScratch ??= new ColumnScratch(CoarseQ.Length);
        var fine = fullScratch ??= new ColumnScratch(Points);
        scratch.Reset();
        fine.Reset();
        Span<double> coarse = stackalloc double[CoarseQ.Length];
        Curve(
            loss, CoarseQ, CoarseWrongClass.Evaluate(loss.Element, yWrong, scratch),
            CoarseTrueClass.Evaluate(loss.Element, yTrue, scratch), weight, coarse);
        for (var k = 0; k < coarse.Length; k++)
        {
            if (!double.IsFinite(coarse[k]))
            {
                return NotFinite(CoarseIndices[k]);
            }
        }

        if (SlopeSignChanges(coarse) > MaxSlopeSignChanges)
        {
            return $"the slope changes sign more than {MaxSlopeSignChanges} times";
        }

        var curve = phenotype;
        Curve(
            loss, Q, WrongClass.Evaluate(loss.Element, yWrong, fine), TrueClass.Evaluate(loss.Element, yTrue, fine),
            weight, curve);
        for (var i = 0; i < Points; i++)
        {
            if (!double.IsFinite(curve[i]))
            {
                return NotFinite(i);
            }
        }

        return Judge(curve, out flipped);
    }

    /// <summary>
    /// Remembers the columns of every subtree of a loss the search keeps, so its children are checked at the cost of
    /// the nodes they change. The columns this thread's last <see cref="Check"/> computed are kept rather than computed
    /// again, so call it right after checking the loss (or its negation).
    /// </summary>
    public static void Remember(LossFunction loss)
    {
        coarseScratch?.Keep();
        fullScratch?.Keep();
        var yWrong = loss.Label(false, 2);
        var yTrue = loss.Label(true, 2);
        CoarseWrongClass.Evaluate(loss.Element, yWrong);
        CoarseTrueClass.Evaluate(loss.Element, yTrue);
        WrongClass.Evaluate(loss.Element, yWrong);
        TrueClass.Evaluate(loss.Element, yTrue);
    }

    private static ColumnEvaluator Columns(double[] p, int capacity) =>
        new(p, p.Select(x => Math.Log(x)).ToArray(), capacity);

    private static void Curve(
        LossFunction loss, double[] q, double[] wrong, double[] right, double weight, Span<double> curve)
    {
        for (var i = 0; i < curve.Length; i++)
        {
            curve[i] = weight * (wrong[i] + right[i]);
        }

        AddNormalized(loss.Normalized, q, curve);
    }

    /// <summary>Adds the normalised terms (zoo baselines only) at each point: p = [q, 1 - q], true class 1.</summary>
    private static void AddNormalized(IReadOnlyList<NormalizedTerm> terms, ReadOnlySpan<double> q, Span<double> curve)
    {
        if (terms.Count == 0)
        {
            return;
        }

        Span<double> p = stackalloc double[2];
        Span<double> logP = stackalloc double[2];
        Span<double> gradient = stackalloc double[2];
        for (var i = 0; i < curve.Length; i++)
        {
            (p[0], p[1]) = (q[i], 1 - q[i]);
            (logP[0], logP[1]) = (Math.Log(p[0]), Math.Log(p[1]));
            foreach (var term in terms)
            {
                curve[i] += term.Accumulate(logP, p, 1, gradient);
            }
        }
    }

    private static string NotFinite(int i) => $"not finite at q={Q[i]:G3}";

    private static int SlopeSignChanges(ReadOnlySpan<double> curve)
    {
        int changes = 0, lastSign = 0;
        for (var i = 1; i < curve.Length; i++)
        {
            if (!IsFlat(curve[i - 1], curve[i]))
            {
                Turn(curve[i - 1], curve[i], ref lastSign, ref changes);
            }
        }

        return changes;
    }

    /// <summary>A step that is not flat: a turn when it runs the other way from the last such step.</summary>
    private static void Turn(double before, double after, ref int lastSign, ref int turns)
    {
        var sign = after > before ? 1 : -1;
        turns += lastSign != 0 && sign != lastSign ? 1 : 0;
        lastSign = sign;
    }

    // Curves are finite when judged, so plain comparisons agree with Math.Max at a fraction of its cost.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFlat(double before, double after)
    {
        var (a, b) = (Math.Abs(after), Math.Abs(before));
        var scale = a > b ? a : b;
        return Math.Abs(after - before) <= FlatTolerance * (scale > 1 ? scale : 1);
    }

    /// <summary>Judges a finite curve and, when it passes, normalises it in place into the phenotype.</summary>
    private static string? Judge(Span<double> curve, out bool flipped)
    {
        flipped = false;
        // One pass, with the turns counted as SlopeSignChanges counts them.
        int argMin = 0, argMax = 0, flatSteps = 0, signChanges = 0, lastSign = 0;
        double min = curve[0], max = curve[0];
        var allZero = curve[0] == 0;
        for (var i = 1; i < curve.Length; i++)
        {
            var (before, after) = (curve[i - 1], curve[i]);
            allZero &= after == 0;
            (argMin, min) = after < min ? (i, after) : (argMin, min);
            (argMax, max) = after > max ? (i, after) : (argMax, max);
            if (IsFlat(before, after))
            {
                flatSteps++;
                continue;
            }

            Turn(before, after, ref lastSign, ref signChanges);
        }

        string? rejection = null;
        if (allZero)
        {
            rejection = "the curve is all zeros";
        }
        else if (argMin is >= CentreFrom and <= CentreTo || argMax is >= CentreFrom and <= CentreTo)
        {
            rejection = "an extreme of the curve sits at q near 0.5";
        }
        else if (flatSteps > MaxFlatSteps)
        {
            rejection = $"the curve has {flatSteps} flat steps (at most {MaxFlatSteps})";
        }
        else if (signChanges > MaxSlopeSignChanges)
        {
            rejection = $"the slope changes sign {signChanges} times (at most {MaxSlopeSignChanges})";
        }

        if (rejection is not null)
        {
            return rejection;
        }

        // q is the probability given to the wrong class: a sound loss is lower at q=0 than at q=1.
        flipped = curve[0] > curve[^1];
        var range = max - min;
        for (var i = 0; i < curve.Length; i++)
        {
            var value = (curve[i] - min) / range;
            curve[i] = flipped ? 1 - value : value;
        }

        return null;
    }

    /// <summary>
    /// Whether two phenotypes are closer than <paramref name="distance"/>; stops as soon as they are not.
    /// </summary>
    public static bool AreWithin(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double distance)
    {
        var limit = distance * distance;
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
            if (sum >= limit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Euclidean distance between two phenotypes (NLFS dedups below 0.01).</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
