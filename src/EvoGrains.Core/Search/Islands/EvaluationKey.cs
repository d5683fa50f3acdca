using System.Globalization;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// Names one evaluation of a loss at one rung: the loss's one-hot fingerprint
/// (<see cref="Expressions.LossFunction.Fingerprint"/>, so every loss with the same one-hot halves is one evaluation)
/// at the first rung, "{fingerprint}@{rung}" above it. Individuals, in-flight entries and results are keyed by it.
/// </summary>
public static class EvaluationKey
{
    public static string Of(string fingerprint, int rung) =>
        rung == 0 ? fingerprint : string.Create(CultureInfo.InvariantCulture, $"{fingerprint}@{rung}");
}
