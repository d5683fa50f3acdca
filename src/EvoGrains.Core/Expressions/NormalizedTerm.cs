using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A weighted <see cref="NormalizedLoss"/> of one sample, added to a loss's reduced element-wise term. This is the
/// double-precision implementation screening and `loss eval` use; training uses its TorchSharp twin.
/// Text form: <c>weight*name</c>, e.g. <c>1*nce</c>; a list joins them with <c> + </c>.
/// </summary>
public sealed record NormalizedTerm(NormalizedLoss Loss, double Weight)
{
    /// <summary>NNCE's floor on p (the paper's min_prob); A = -log of it.</summary>
    public const double NnceMinProbability = 1e-7;

    /// <summary>NNCE's A = -log(1e-7): A + log p_k is 0 at the floor.</summary>
    public static readonly double NnceShift = -Math.Log(NnceMinProbability);

    private const string Separator = " + ";

    public string Name => Loss switch
    {
        NormalizedLoss.Nce => "nce",
        NormalizedLoss.Nnce => "nnce",
        _ => throw new ArgumentOutOfRangeException(nameof(Loss), Loss, null),
    };

    /// <summary>
    /// Weight x this loss of one sample; adds Weight x its gradient with respect to the logits to
    /// <paramref name="gradLogits"/>.
    /// </summary>
    /// <param name="logProbabilities">The log-softmax of the logits.</param>
    /// <param name="probabilities">The softmax of the logits.</param>
    /// <param name="label">The true class.</param>
    /// <param name="gradLogits">dL/dz so far; this term's share is added.</param>
    public double Accumulate(
        ReadOnlySpan<double> logProbabilities,
        ReadOnlySpan<double> probabilities,
        int label,
        Span<double> gradLogits)
    {
        Span<double> gradLog = stackalloc double[logProbabilities.Length];
        var value = Loss == NormalizedLoss.Nce
            ? Nce(logProbabilities, label, gradLog)
            : Nnce(logProbabilities, label, gradLog);

        // Log-softmax Jacobian: d(log p_c)/dz_j = delta_cj - p_j.
        var sum = 0.0;
        foreach (var g in gradLog)
        {
            sum += g;
        }

        for (var j = 0; j < gradLogits.Length; j++)
        {
            gradLogits[j] += Weight * (gradLog[j] - probabilities[j] * sum);
        }

        return Weight * value;
    }

    public override string ToString() => InfixPrinter.FormatConstant(Weight) + "*" + Name;

    public static string Format(IReadOnlyList<NormalizedTerm> terms) => string.Join(Separator, terms);

    /// <summary>Reads back what <see cref="Format"/> wrote.</summary>
    /// <exception cref="FormatException">Not a list of weight*name.</exception>
    public static IReadOnlyList<NormalizedTerm> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(Separator).Select(Parse).ToList();
    }

    private static NormalizedTerm Parse(string text)
    {
        var star = text.LastIndexOf('*');
        var name = star < 0 ? "" : text[(star + 1)..].Trim();
        NormalizedLoss? loss = name switch
        {
            "nce" => NormalizedLoss.Nce,
            "nnce" => NormalizedLoss.Nnce,
            _ => null,
        };
        if (loss is null
            || !double.TryParse(text.AsSpan(0, star), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
            || !double.IsFinite(weight))
        {
            throw new FormatException($"'{text}' is not a normalised term (weight*nce or weight*nnce)");
        }

        return new(loss.Value, weight);
    }

    // NCE = N / D with N = -s_y and D = -Σ_k s_k (s = log p): dNCE/ds_c = (N - δ_cy D) / D².
    private static double Nce(ReadOnlySpan<double> s, int label, Span<double> gradLog)
    {
        var denominator = 0.0;
        foreach (var sc in s)
        {
            denominator -= sc;
        }

        var numerator = -s[label];
        for (var c = 0; c < s.Length; c++)
        {
            gradLog[c] = (numerator - (c == label ? denominator : 0)) / (denominator * denominator);
        }

        return numerator / denominator;
    }

    // NNCE = 1 - b_y / B with b_k = max(0, A + s_k) and B = Σ_k b_k: dNNCE/ds_c = [b_c > 0] (b_y - δ_cy B) / B².
    private static double Nnce(ReadOnlySpan<double> s, int label, Span<double> gradLog)
    {
        var total = 0.0;
        foreach (var sc in s)
        {
            total += Math.Max(0, NnceShift + sc);
        }

        var atLabel = Math.Max(0, NnceShift + s[label]);
        for (var c = 0; c < s.Length; c++)
        {
            gradLog[c] = NnceShift + s[c] > 0 ? (atLabel - (c == label ? total : 0)) / (total * total) : 0;
        }

        return 1 - atLabel / total;
    }
}
