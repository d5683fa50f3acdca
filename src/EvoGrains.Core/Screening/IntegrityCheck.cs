using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// NLFS integrity check (Morgan and Hougen 2024): the two-class loss curve y=[0,1], p=[q,1-q]
/// over 1000 values of q must be finite, not all zero, have its extremes away from q=0.5,
/// at most 10 flat steps and at most two slope sign changes. A curve that rises as the prediction
/// becomes correct is flipped. The min-max normalised curve is the phenotype.
/// Subtree columns are remembered process-wide (<see cref="ColumnEvaluator"/>), so a bred child
/// costs about the nodes its mutation changed.
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
    private static readonly ColumnEvaluator WrongClass = Columns(Q, capacity: 1024);
    private static readonly ColumnEvaluator TrueClass = Columns(Q.Select(q => 1 - q).ToArray(), capacity: 1024);
    private static readonly ColumnEvaluator CoarseWrongClass = Columns(CoarseQ, capacity: 16384);
    private static readonly ColumnEvaluator CoarseTrueClass =
        Columns(CoarseQ.Select(q => 1 - q).ToArray(), capacity: 16384);

    public static IntegrityCurve Run(LossFunction loss)
    {
        var yWrong = loss.Label(false, 2);
        var yTrue = loss.Label(true, 2);
        var weight = loss.ClassWeight(2);

        // A coarse pass over a subset of the same grid rejects most bad curves at a twentieth of
        // the cost; any curve it rejects (non-finite, too many turns) the full grid would reject too.
        Span<double> coarse = stackalloc double[CoarseQ.Length];
        Curve(loss, CoarseQ, CoarseWrongClass, yWrong, CoarseTrueClass, yTrue, weight, coarse);
        for (var k = 0; k < coarse.Length; k++)
        {
            if (!double.IsFinite(coarse[k]))
            {
                return NotFinite(CoarseIndices[k]);
            }
        }

        if (SlopeSignChanges(coarse) > MaxSlopeSignChanges)
        {
            return new($"the slope changes sign more than {MaxSlopeSignChanges} times", false, []);
        }

        // On the stack (8 KB): islands screen thousands of candidates a second, and only a passing curve's phenotype is
        // kept.
        Span<double> curve = stackalloc double[Points];
        Curve(loss, Q, WrongClass, yWrong, TrueClass, yTrue, weight, curve);
        for (var i = 0; i < Points; i++)
        {
            if (!double.IsFinite(curve[i]))
            {
                return NotFinite(i);
            }
        }

        return Judge(curve);
    }

    private static ColumnEvaluator Columns(double[] p, int capacity) =>
        new(p, p.Select(x => Math.Log(x)).ToArray(), capacity);

    private static void Curve(
        LossFunction loss, double[] q, ColumnEvaluator wrongClass, double yWrong, ColumnEvaluator trueClass,
        double yTrue, double weight, Span<double> curve)
    {
        var wrong = wrongClass.Evaluate(loss.Element, yWrong);
        var right = trueClass.Evaluate(loss.Element, yTrue);
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

    private static IntegrityCurve NotFinite(int i) => new($"not finite at q={Q[i]:G3}", false, []);

    private static int SlopeSignChanges(ReadOnlySpan<double> curve)
    {
        int changes = 0, lastSign = 0;
        for (var i = 1; i < curve.Length; i++)
        {
            if (IsFlat(curve[i - 1], curve[i]))
            {
                continue;
            }

            var sign = Math.Sign(curve[i] - curve[i - 1]);
            changes += lastSign != 0 && sign != lastSign ? 1 : 0;
            lastSign = sign;
        }

        return changes;
    }

    private static bool IsFlat(double before, double after) =>
        Math.Abs(after - before) <= FlatTolerance * Math.Max(1, Math.Max(Math.Abs(after), Math.Abs(before)));

    private static IntegrityCurve Judge(ReadOnlySpan<double> curve)
    {
        int argMin = 0, argMax = 0, flatSteps = 0;
        var allZero = curve[0] == 0;
        for (var i = 1; i < curve.Length; i++)
        {
            allZero &= curve[i] == 0;
            argMin = curve[i] < curve[argMin] ? i : argMin;
            argMax = curve[i] > curve[argMax] ? i : argMax;
            flatSteps += IsFlat(curve[i - 1], curve[i]) ? 1 : 0;
        }

        var signChanges = SlopeSignChanges(curve);
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
            return new(rejection, false, []);
        }

        // q is the probability given to the wrong class: a sound loss is lower at q=0 than at q=1.
        var flipped = curve[0] > curve[^1];
        var range = curve[argMax] - curve[argMin];
        var phenotype = GC.AllocateUninitializedArray<double>(curve.Length);
        for (var i = 0; i < curve.Length; i++)
        {
            var value = (curve[i] - curve[argMin]) / range;
            phenotype[i] = flipped ? 1 - value : value;
        }

        return new(null, flipped, phenotype);
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
