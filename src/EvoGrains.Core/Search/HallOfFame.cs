namespace EvoGrains.Core.Search;

/// <summary>The best distinct losses of a search (by hash), best first.</summary>
public sealed class HallOfFame(int capacity)
{
    private readonly List<HallOfFameEntry> entries = [];

    public int Capacity { get; } = capacity;

    public IReadOnlyList<HallOfFameEntry> Entries => entries;

    /// <summary>Offers an entry; returns true when it entered the hall.</summary>
    public bool Offer(HallOfFameEntry entry)
    {
        if (!double.IsFinite(entry.Fitness) || entries.Any(e => e.Hash == entry.Hash))
        {
            return false;
        }

        var index = entries.FindIndex(e => e.Fitness < entry.Fitness);
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
