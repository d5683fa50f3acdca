using EvoGrains.Core.Search;

namespace EvoGrains.Training.Data;

/// <summary>
/// Whether a search's training data loads, checked once before the search starts (by `local`, and
/// by the silo a search is submitted to) instead of by every trainer failing on it later.
/// </summary>
public static class DataCheck
{
    /// <summary>
    /// Null when <paramref name="spec"/> needs no data or both its splits load; otherwise why
    /// not, naming the file. Loading through <paramref name="cache"/> leaves the data ready for trainers.
    /// </summary>
    public static string? Problem(EvaluationSpec spec, DatasetCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Evaluator != "training")
        {
            return null;
        }

        try
        {
            var dataset = TrainingEvaluator.DatasetOf(spec);
            _ = cache is null ? DatasetLoader.Load(dataset) : cache.Get(dataset);
            return null;
        }
        catch (Exception error) when (error is DatasetException or ArgumentException)
        {
            return $"evaluation.dataPath: {error.Message}";
        }
    }
}
