using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Screening;

/// <summary>
/// AutoLoss-Zero's loss-rejection protocol, in the interpreter: optimise random logits directly
/// with the candidate and reject it if the accuracy of those logits does not improve. Steps are
/// normalised per sample so that a loss with small but sound gradients is not punished for scale.
/// </summary>
public static class RejectionProtocol
{
    private const int Steps = 8;
    private const double StepSize = 1.0;
    private const double RequiredGain = 0.25;

    public static string? Run(LossInterpreter interpreter, ProbeSet probes)
    {
        var logits = probes.Logits.Select(l => (double[])l.Clone()).ToArray();
        var gradient = new double[probes.Classes];
        var before = Accuracy(logits, probes.Labels);
        for (var step = 0; step < Steps; step++)
        {
            for (var i = 0; i < logits.Length; i++)
            {
                interpreter.Evaluate(logits[i], probes.Labels[i], gradient);
                var norm = Math.Sqrt(SumOfSquares(gradient));
                if (!double.IsFinite(norm))
                {
                    return $"the gradient became non-finite at step {step}";
                }

                if (norm == 0)
                {
                    continue;
                }

                for (var c = 0; c < gradient.Length; c++)
                {
                    logits[i][c] -= StepSize * gradient[c] / norm;
                }
            }
        }

        var after = Accuracy(logits, probes.Labels);
        return after >= before + RequiredGain
            ? null
            : $"optimising random logits with it moves their accuracy from {before:P0} to {after:P0} "
                + $"(needs +{RequiredGain:P0})";
    }

    private static double SumOfSquares(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value * value;
        }

        return sum;
    }

    private static double Accuracy(double[][] logits, int[] labels)
    {
        var correct = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var best = 0;
            for (var c = 1; c < logits[i].Length; c++)
            {
                if (logits[i][c] > logits[i][best])
                {
                    best = c;
                }
            }

            correct += best == labels[i] ? 1 : 0;
        }

        return (double)correct / logits.Length;
    }
}
