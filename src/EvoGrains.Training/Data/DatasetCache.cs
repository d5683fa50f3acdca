using System.Collections.Concurrent;

namespace EvoGrains.Training.Data;

/// <summary>
/// Keeps decoded datasets in managed memory so that a trainer evaluating many candidates reads, gunzips or decodes
/// each dataset once. Holds no tensors; safe to share between threads.
/// </summary>
public sealed class DatasetCache
{
    private readonly ConcurrentDictionary<DatasetSpec, Lazy<LoadedDataset>> entries = new();

    /// <exception cref="DatasetException">A file is missing or malformed; the failure is not remembered.</exception>
    public LoadedDataset Get(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entry = entries.GetOrAdd(spec, s => new Lazy<LoadedDataset>(() => DatasetLoader.Load(s)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed read (file not there yet, say) must not be remembered.
            entries.TryRemove(new KeyValuePair<DatasetSpec, Lazy<LoadedDataset>>(spec, entry));
            throw;
        }
    }
}
