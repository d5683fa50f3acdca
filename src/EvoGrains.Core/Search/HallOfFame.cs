using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>
/// The best distinct losses of a search, best first by <see cref="HallOfFameEntry.Rank"/>: a loss measured at a higher
/// rung ranks above any measured only lower, so like is compared with like. Losses are distinct by their one-hot
/// fingerprint (<see cref="LossFunction.Fingerprint"/>): of two one-hot twins the hall holds one, the first to arrive,
/// and a result of either from a higher rung replaces it.
/// </summary>
public sealed class HallOfFame(int capacity)
{
    private readonly List<HallOfFameEntry> entries = [];

    // The fingerprint of entries[i]'s loss.
    private readonly List<ulong> fingerprints = [];

    public int Capacity { get; } = capacity;

    public IReadOnlyList<HallOfFameEntry> Entries => entries;

    /// <summary>Offers an entry; returns true when it entered the hall.</summary>
    public bool Offer(HallOfFameEntry entry)
    {
        if (!double.IsFinite(entry.Fitness))
        {
            return false;
        }

        // Most results rank below a full hall's last entry. Any twin of theirs in the hall ranks above them, so none
        // can replace it: skip parsing the loss for its fingerprint.
        if (entries.Count >= Capacity && entry.Rank <= entries[^1].Rank)
        {
            return false;
        }

        var fingerprint = entry.Loss.ToLoss().Fingerprint;
        var known = fingerprints.IndexOf(fingerprint);
        if (known >= 0)
        {
            if (entries[known].Rung >= entry.Rung)
            {
                return false;
            }

            RemoveAt(known);
        }

        var index = entries.FindIndex(e => e.Rank < entry.Rank);
        if (index < 0)
        {
            if (entries.Count >= Capacity)
            {
                return false;
            }

            entries.Add(entry);
            fingerprints.Add(fingerprint);
            return true;
        }

        entries.Insert(index, entry);
        fingerprints.Insert(index, fingerprint);
        if (entries.Count > Capacity)
        {
            RemoveAt(entries.Count - 1);
        }

        return true;
    }

    private void RemoveAt(int index)
    {
        entries.RemoveAt(index);
        fingerprints.RemoveAt(index);
    }
}
