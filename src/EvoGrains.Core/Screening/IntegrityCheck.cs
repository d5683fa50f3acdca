using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// NLFS integrity check (Morgan and Hougen 2024): the two-class loss curve y=[0,1], p=[q,1-q]
/// over 1000 values of q must be finite, not all zero, have its extremes away from q=0.5,
/// at most 10 flat steps and at most two slope sign changes. A curve that rises as the prediction
/// becomes correct is flipped. The min-max normalised curve is the phenotype.
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

    private static readonly double[] Q = Enumerable.Range(0, Points)
        .Select(i => Lowest + (1 - 2 * Lowest) * i / (Points - 1))
        .ToArray();

    private static readonly double[] LogQ = Q.Select(q => Math.Log(q)).ToArray();
    private static readonly double[] LogOneMinusQ = Q.Select(q => Math.Log(1 - q)).ToArray();

    public static IntegrityCurve Run(LossInterpreter interpreter)
    {
        // Two classes, true class 1: the wrong class gets q, the true class 1 - q, logits log p.
        var loss = interpreter.Loss;
        var element = interpreter.Element;
        var yWrong = loss.LabelSmoothing / 2;
        var yTrue = 1 - loss.LabelSmoothing + yWrong;
        var weight = loss.Reduction == ClassReduction.Mean ? 0.5 : 1;
        var curve = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            curve[i] = weight * (element.Evaluate(yWrong, Q[i], LogQ[i]) + element.Evaluate(yTrue, 1 - Q[i], LogOneMinusQ[i]));
            if (!double.IsFinite(curve[i]))
            {
                return new($"not finite at q={Q[i]:G3}", false, []);
            }
        }

        return Judge(curve);
    }

    private static IntegrityCurve Judge(double[] curve)
    {
        int argMin = 0, argMax = 0, flatSteps = 0, signChanges = 0, lastSign = 0;
        var allZero = curve[0] == 0;
        for (var i = 1; i < curve.Length; i++)
        {
            allZero &= curve[i] == 0;
            if (curve[i] < curve[argMin])
            {
                argMin = i;
            }

            if (curve[i] > curve[argMax])
            {
                argMax = i;
            }

            var step = curve[i] - curve[i - 1];
            var scale = Math.Max(Math.Abs(curve[i]), Math.Abs(curve[i - 1]));
            if (Math.Abs(step) <= FlatTolerance * Math.Max(1, scale))
            {
                flatSteps++;
                continue;
            }

            var sign = Math.Sign(step);
            if (lastSign != 0 && sign != lastSign)
            {
                signChanges++;
            }

            lastSign = sign;
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
            return new(rejection, false, []);
        }

        // q is the probability given to the wrong class: a sound loss is lower at q=0 than at q=1.
        var flipped = curve[0] > curve[^1];
        var range = curve[argMax] - curve[argMin];
        var phenotype = new double[curve.Length];
        for (var i = 0; i < curve.Length; i++)
        {
            var value = (curve[i] - curve[argMin]) / range;
            phenotype[i] = flipped ? 1 - value : value;
        }

        return new(null, flipped, phenotype);
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
