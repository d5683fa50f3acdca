namespace EvoGrains.Core.Search.Queue;

/// <summary>
/// The outcomes of recently completed jobs, oldest forgotten first, so a repeated enqueue or completion is answered
/// without training again.
/// </summary>
internal sealed class CompletedOutcomes<TOutcome>(int capacity)
{
    private readonly Dictionary<string, TOutcome> outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool TryGet(string jobId, out TOutcome outcome) => outcomes.TryGetValue(jobId, out outcome!);

    public bool Contains(string jobId) => outcomes.ContainsKey(jobId);

    public void Add(string jobId, TOutcome outcome)
    {
        if (!outcomes.TryAdd(jobId, outcome))
        {
            return;
        }

        order.Enqueue(jobId);
        if (order.Count > capacity)
        {
            outcomes.Remove(order.Dequeue());
        }
    }
}
