namespace EvoGrains.Core.Search.Islands;

/// <summary>
/// Asynchronous successive halving (ASHA, METHODS.md §7) for one island: a result at rung r is promoted to r + 1
/// as soon as it is among the best <c>floor(n_r x promote)</c> of the n_r results at r, highest rungs first, so no
/// rung ever waits for a full generation. Failed results are never promoted; top-rung results are not kept.
/// </summary>
public sealed class RungLadder(int rungs, double promote, IEnumerable<RungResult>? saved = null)
{
    private readonly List<RungResult> results = [.. saved ?? []];

    public IReadOnlyList<RungResult> Results => results;

    public int Rungs { get; } = rungs;

    public void Record(string hash, int rung, EvaluationResult result, StoredCandidate candidate)
    {
        if (rung < Rungs - 1)
        {
            var fitness = result.Status == EvaluationStatus.Failed ? double.NaN : result.Fitness;
            results.Add(new RungResult(hash, rung, fitness, candidate, Promoted: false));
        }
    }

    /// <summary>The next result to promote, marked promoted; null when none qualifies now.</summary>
    public RungResult? TakePromotion()
    {
        for (var rung = Rungs - 2; rung >= 0; rung--)
        {
            var at = results.Where(r => r.Rung == rung).ToList();
            var qualifying = (int)Math.Floor(at.Count * promote);
            var next = at.Where(r => !double.IsNaN(r.Fitness))
                .OrderByDescending(r => r.Fitness).ThenBy(r => r.Hash, StringComparer.Ordinal)
                .Take(qualifying)
                .FirstOrDefault(r => !r.Promoted);
            if (next is not null)
            {
                results[results.IndexOf(next)] = next with { Promoted = true };
                return next;
            }
        }

        return null;
    }
}
