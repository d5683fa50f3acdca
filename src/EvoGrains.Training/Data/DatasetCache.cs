using System.Collections.Concurrent;

namespace EvoGrains.Training.Data;

/// <summary>
/// Keeps decoded datasets in managed memory so that a trainer evaluating many candidates reads and gunzips
/// each file once. Holds no tensors; safe to share between threads.
/// </summary>
public sealed class DatasetCache
{
    private readonly ConcurrentDictionary<(DatasetSpec Spec, bool Test), Lazy<LabelledImages>> _entries = new();

    public LabelledImages GetTrain(DatasetSpec spec) => Get(spec, test: false);

    public LabelledImages GetTest(DatasetSpec spec) => Get(spec, test: true);

    private LabelledImages Get(DatasetSpec spec, bool test)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = (spec, test);
        var entry = _entries.GetOrAdd(key, k => new Lazy<LabelledImages>(
            () => k.Test ? DatasetLoader.LoadTest(k.Spec) : DatasetLoader.LoadTrain(k.Spec)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed read (file not there yet, say) must not be remembered.
            _entries.TryRemove(new KeyValuePair<(DatasetSpec, bool), Lazy<LabelledImages>>(key, entry));
            throw;
        }
    }
}
