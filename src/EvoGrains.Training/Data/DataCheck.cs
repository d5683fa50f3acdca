using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Models;

namespace EvoGrains.Training.Data;

/// <summary>
/// Whether a search's data and model load, checked once before the search starts (by `local`, by `data check`, and
/// by the silo a search is submitted to) instead of by every trainer failing on it later: both splits of the dataset,
/// the validation split's size, and the model on the dataset's images and classes (a TorchScript file loads, has
/// trainable parameters and maps a batch to one logit per class).
/// </summary>
public static class DataCheck
{
    /// <summary>
    /// Null when <paramref name="spec"/> needs no data or its data and model serve; otherwise why not, in one line
    /// naming the field and the file. Loading through <paramref name="cache"/> leaves the data ready for trainers.
    /// </summary>
    public static string? Problem(EvaluationSpec spec, DatasetCache? cache = null) => Inspect(spec, cache).Problem;

    /// <summary>
    /// What the spec's data resolves to, and the problem if there is one (see <see cref="Problem"/>).
    /// </summary>
    public static DataCheckResult Inspect(EvaluationSpec spec, DatasetCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (EvaluatorRegistry.Find(spec.Evaluator) is not { Trains: true })
        {
            return DataCheckResult.NotNeeded;
        }

        DatasetSpec dataset;
        LoadedDataset data;
        try
        {
            dataset = TrainingEvaluator.DatasetOf(spec);
            data = cache is null ? DatasetLoader.Load(dataset) : cache.Get(dataset);
        }
        catch (Exception error) when (error is DatasetException or ArgumentException)
        {
            return new DataCheckResult($"evaluation.dataPath: {error.Message}");
        }

        if (spec.ValidationSize >= data.Train.Count)
        {
            return new DataCheckResult(
                $"evaluation.validationSize: {spec.ValidationSize} validation images leave none of the "
                + $"{data.Train.Count} training images to train on",
                dataset,
                data);
        }

        var model = ModelRegistry.Get(spec.Model);
        var problem = ModelBuilders.Of(model.Name)
            .Problem(TrainingEvaluator.ToRequest(spec, 0, 0), data.Shape, data.Classes);
        return new DataCheckResult(
            problem is null
                ? null
                : $"{(model.ReadsModelPath ? "evaluation.modelPath" : "evaluation.model")}: {problem}",
            dataset,
            data);
    }
}
