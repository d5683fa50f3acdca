using System.Collections.Concurrent;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// A process-wide memo that forgets everything once it has taken <c>capacity</c> entries and starts again. Clearing
/// all at once is crude but cheap: what is in use comes back at once. Thread-safe; values are shared and must not be
/// changed.
/// </summary>
internal sealed class ClearingCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new();
    private int count;

    /// <summary>Entries added since the memo was last cleared.</summary>
    public int Added => Volatile.Read(ref count);

    public bool TryGet(TKey key, out TValue value) => entries.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> unless the key is already there; returns it.</summary>
    public TValue Add(TKey key, TValue value)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            entries.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        entries.TryAdd(key, value);
        return value;
    }
}
