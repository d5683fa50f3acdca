using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// The checks METHODS.md §5 asks for instead of "minimised at p_true = 1" (which would reject
/// Baikal, NGL and TaylorGLO): finite on the probes, not constant, not degenerate, and the
/// gradient pushes the true-class logit up while p_true is small.
/// </summary>
public static class ValidityCheck
{
    private const double SmallTrueProbability = 0.1;
    private const double RequiredPushShare = 0.9;

    public static string? Run(LossInterpreter interpreter, ProbeSet probes)
    {
        var gradient = new double[probes.Classes];
        var p = new double[probes.Classes];
        double min = double.PositiveInfinity, max = double.NegativeInfinity, gradientNorm = 0;
        int smallCases = 0, pushedUp = 0;
        for (var i = 0; i < probes.Count; i++)
        {
            var label = probes.Labels[i];
            var loss = interpreter.Evaluate(probes.Logits[i], label, gradient);
            if (!double.IsFinite(loss) || gradient.Any(g => !double.IsFinite(g)))
            {
                return $"not finite on probe {i}";
            }

            min = Math.Min(min, loss);
            max = Math.Max(max, loss);
            gradientNorm += gradient.Sum(g => g * g);
            LossInterpreter.Softmax(probes.Logits[i], p);
            if (p[label] < SmallTrueProbability)
            {
                smallCases++;
                pushedUp += gradient[label] < 0 ? 1 : 0;
            }
        }

        if (max - min <= 1e-9 * Math.Max(1, Math.Abs(max)))
        {
            return "constant on the probes";
        }

        if (gradientNorm < 1e-20)
        {
            return "degenerate: zero gradient on the probes";
        }

        return pushedUp >= RequiredPushShare * smallCases
            ? null
            : $"the gradient lowers the true-class logit on {smallCases - pushedUp} of {smallCases} probes "
                + $"where p_true < {SmallTrueProbability}";
    }
}
