using EvoGrains.Abstractions;

namespace EvoGrains.Grains.Queue;

/// <summary>The outcomes of recently completed jobs, oldest forgotten first, so a repeated enqueue or completion is answered without training again.</summary>
internal sealed class CompletedOutcomes(int capacity)
{
    private readonly Dictionary<string, EvaluationOutcome> outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public bool TryGet(string jobId, out EvaluationOutcome outcome) => outcomes.TryGetValue(jobId, out outcome!);

    public bool Contains(string jobId) => outcomes.ContainsKey(jobId);

    public void Add(string jobId, EvaluationOutcome outcome)
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
