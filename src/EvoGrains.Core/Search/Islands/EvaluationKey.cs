using System.Globalization;

namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// Names one evaluation of a loss at one rung: the loss's hash at the first rung (so a search without rungs
/// keeps its keys), "{hash}@{rung}" above it. Individuals, in-flight entries and results are keyed by it.
/// </summary>
public static class EvaluationKey
{
    public static string Of(string hash, int rung) => rung == 0 ? hash : string.Create(CultureInfo.InvariantCulture, $"{hash}@{rung}");
}
