namespace EvoGrains.Core.Search;

/// <summary>
/// The best distinct losses of a search (by hash), best first by <see cref="HallOfFameEntry.Rank"/>: a loss measured
/// at a higher rung ranks above any measured only lower, so like is compared with like. A loss's result from a
/// higher rung replaces its earlier one.
/// </summary>
public sealed class HallOfFame(int capacity)
{
    private readonly List<HallOfFameEntry> entries = [];

    public int Capacity { get; } = capacity;

    public IReadOnlyList<HallOfFameEntry> Entries => entries;

    /// <summary>Offers an entry; returns true when it entered the hall.</summary>
    public bool Offer(HallOfFameEntry entry)
    {
        if (!double.IsFinite(entry.Fitness))
        {
            return false;
        }

        var known = entries.FindIndex(e => e.Hash == entry.Hash);
        if (known >= 0)
        {
            if (entries[known].Rung >= entry.Rung)
            {
                return false;
            }

            entries.RemoveAt(known);
        }

        var index = entries.FindIndex(e => e.Rank < entry.Rank);
        if (index < 0)
        {
            if (entries.Count >= Capacity)
            {
                return false;
            }

            entries.Add(entry);
            return true;
        }

        entries.Insert(index, entry);
        if (entries.Count > Capacity)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        return true;
    }
}
