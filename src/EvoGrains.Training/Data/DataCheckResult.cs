namespace EvoGrains.Training.Data;

/// <summary>
/// What a spec's data and model resolve to (<see cref="DataCheck.Inspect"/>), or the one line saying why they do not.
/// </summary>
/// <param name="Problem">Null when everything loads; else "evaluation.&lt;field&gt;: &lt;file&gt;: &lt;what is
/// wrong&gt;".</param>
/// <param name="Dataset">The dataset the spec names, when it names one of the registry.</param>
/// <param name="Data">Both splits as loaded (null when they did not load).</param>
public sealed record DataCheckResult(string? Problem, DatasetSpec? Dataset = null, LoadedDataset? Data = null)
{
    /// <summary>The spec's evaluator trains nothing, so it reads no data.</summary>
    public static DataCheckResult NotNeeded { get; } = new((string?)null);
}
