using System.Collections.Concurrent;
using EvoGrains.Training.Trainer;
using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>
/// The device-resident split of each (dataset, split, subset, label noise, device) a trainer uses, built once (split,
/// channel statistics, tensors) and shared by every job and pack after it. The tensors are only read
/// (gathered and normalised into new tensors), so trainers on different threads may share one cache.
/// </summary>
public sealed class PreparedDataCache(DatasetCache? datasets = null) : IDisposable
{
    private readonly ConcurrentDictionary<Key, Lazy<TrainingData>> entries = new();

    public DatasetCache Datasets { get; } = datasets ?? new DatasetCache();

    public TrainingData Get(TrainingRequest request, Device device)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(device);
        var key = new Key(
            request.Dataset, request.ValidationSize, request.TrainSubsetSize, request.SplitSeed, request.LabelNoise,
            request.EvaluateTest, device.ToString());
        var entry = entries.GetOrAdd(key, k => new Lazy<TrainingData>(() => Build(k, device)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A missing file or an impossible split must not be remembered.
            entries.TryRemove(new KeyValuePair<Key, Lazy<TrainingData>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values.Where(e => e.IsValueCreated))
        {
            entry.Value.Dispose();
        }

        entries.Clear();
    }

    private TrainingData Build(Key key, Device device)
    {
        var dataset = Datasets.Get(key.Dataset);
        return TrainingData.Create(
            dataset.Train,
            key.WithTest ? dataset.Test : null,
            dataset.Classes,
            key.ValidationSize,
            key.TrainSubsetSize,
            key.SplitSeed,
            device,
            key.LabelNoise);
    }

    private sealed record Key(
        DatasetSpec Dataset,
        int ValidationSize,
        int? TrainSubsetSize,
        int SplitSeed,
        double LabelNoise,
        bool WithTest,
        string Device);
}
