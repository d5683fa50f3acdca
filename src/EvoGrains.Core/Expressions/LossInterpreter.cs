namespace EvoGrains.Core.Expressions;

/// <summary>
/// Evaluates a <see cref="LossFunction"/> on one sample in double precision: the loss and its
/// gradient with respect to the logits (through the softmax), as screening and `loss eval` need.
/// </summary>
public sealed class LossInterpreter(LossFunction loss)
{
    private readonly CompiledExpression element = CompiledExpression.Compile(loss.Element);

    public LossFunction Loss { get; } = loss;

    public CompiledExpression Element => element;

    /// <summary>Loss of one sample given its logits; writes dL/dz into <paramref name="gradLogits"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> logits, int label, Span<double> gradLogits)
    {
        var classes = logits.Length;
        Span<double> p = stackalloc double[classes];
        Softmax(logits, p);
        return Evaluate(logits, p, label, gradLogits);
    }

    /// <summary>Loss of one sample given its probabilities (logits taken as log p).</summary>
    public double EvaluateProbabilities(ReadOnlySpan<double> probabilities, int label, Span<double> gradLogits)
    {
        Span<double> z = stackalloc double[probabilities.Length];
        for (var c = 0; c < z.Length; c++)
        {
            z[c] = Math.Log(probabilities[c]);
        }

        return Evaluate(z, probabilities, label, gradLogits);
    }

    public static void Softmax(ReadOnlySpan<double> logits, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            p[c] = Math.Exp(logits[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            p[c] /= sum;
        }
    }

    private double Evaluate(ReadOnlySpan<double> z, ReadOnlySpan<double> p, int label, Span<double> gradLogits)
    {
        var classes = z.Length;
        if ((uint)label >= (uint)classes)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"label must be in 0..{classes - 1}");
        }

        var weight = Loss.ClassWeight(classes);
        var trueLabel = Loss.Label(true, classes);
        var otherLabel = Loss.Label(false, classes);
        var total = 0.0;
        var weightedSum = 0.0;
        Span<double> gradP = stackalloc double[classes];
        for (var c = 0; c < classes; c++)
        {
            var y = c == label ? trueLabel : otherLabel;
            total += element.Evaluate(y, p[c], z[c], out var dp, out var dz);
            gradP[c] = weight * dp;
            gradLogits[c] = weight * dz;
            weightedSum += gradP[c] * p[c];
        }

        // Softmax Jacobian: dp_c/dz_j = p_c (delta_cj - p_j).
        for (var j = 0; j < classes; j++)
        {
            gradLogits[j] += p[j] * (gradP[j] - weightedSum);
        }

        // Evolved losses have no normalised terms: their values stay bit for bit what they were (-0 stays -0).
        return Loss.Normalized.Count == 0 ? weight * total : weight * total + Normalized(z, p, label, gradLogits);
    }

    private double Normalized(ReadOnlySpan<double> z, ReadOnlySpan<double> p, int label, Span<double> gradLogits)
    {
        Span<double> logP = stackalloc double[z.Length];
        LogSoftmax(z, logP);
        var total = 0.0;
        foreach (var term in Loss.Normalized)
        {
            total += term.Accumulate(logP, p, label, gradLogits);
        }

        return total;
    }

    /// <summary>log softmax(z), exact where softmax underflows: z - max - log Σ exp(z - max).</summary>
    public static void LogSoftmax(ReadOnlySpan<double> logits, Span<double> logP)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        foreach (var z in logits)
        {
            sum += Math.Exp(z - max);
        }

        var shift = max + Math.Log(sum);
        for (var c = 0; c < logits.Length; c++)
        {
            logP[c] = logits[c] - shift;
        }
    }
}
