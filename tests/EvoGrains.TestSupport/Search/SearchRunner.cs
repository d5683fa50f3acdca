using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.TestSupport.Search;

/// <summary>
/// Runs one strategy against an evaluator in asynchronous steady state: keeps up to
/// <c>inFlight</c> evaluations running and breeds on every result until the budget is spent.
/// With one evaluation in flight and a deterministic evaluator the run is deterministic for a seed.
/// </summary>
public sealed class SearchRunner(SearchStrategy strategy, IFitnessEvaluator evaluator, int seed, int inFlight = 1, int island = 0)
{
    private readonly Random random = new(seed);

    public List<HistoryEntry> History { get; } = [];

    public HallOfFame HallOfFame { get; } = new(20);

    public SearchStrategy Strategy => strategy;

    public async Task RunAsync(int evaluations, CancellationToken cancellationToken = default)
    {
        var running = new Dictionary<Task<EvaluationResult>, Candidate>();
        var started = 0;
        while (true)
        {
            while (running.Count < Math.Max(1, inFlight) && started < evaluations && strategy.Propose(random) is { } candidate)
            {
                running.Add(evaluator.EvaluateAsync(candidate.Loss, cancellationToken), candidate);
                started++;
            }

            if (running.Count == 0)
            {
                return;
            }

            var done = await Task.WhenAny(running.Keys);
            var finished = running[done];
            running.Remove(done);
            Record(finished, await done);
        }
    }

    private void Record(Candidate candidate, EvaluationResult result)
    {
        strategy.Report(candidate, result.Fitness);
        var loss = candidate.Loss;
        var entry = new HistoryEntry
        {
            Index = History.Count,
            Island = island,
            Hash = loss.HashHex,
            Expression = loss.ToString(),
            Loss = LossText.From(loss),
            Genome = candidate.Genome.Encode(),
            Fitness = result.Fitness,
            Status = result.Status,
            Seconds = result.Seconds,
            Operator = candidate.Operator,
            Parents = candidate.Parents,
            Failure = result.Failure,
            Shared = false,
            CompletedAt = DateTimeOffset.UtcNow,
        };
        History.Add(entry);
        HallOfFame.Offer(HallOfFameEntry.Of(entry));
    }
}
