using EvoGrains.Core.Search;
using EvoGrains.Training.Logging;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// The run folder's TensorBoard events (`tensorboard --logdir &lt;run folder&gt;`): per island the best
/// fitness so far and the median of its last population-size results, evaluations per minute, the
/// screening shares, and the final-stage accuracy of every arm per seed. Steps are evaluation
/// indexes (seed numbers for the final stage). The search records no rung promotions, so there are none to show.
/// </summary>
public static class RunTensorBoard
{
    // Completions the evaluation rate is averaged over.
    private const int RateWindow = 20;

    public static void Write(RunRecord run, string folder)
    {
        var log = TensorBoardLog.Replace(folder);
        var history = run.History.OrderBy(h => h.Index).ToList();
        var end = history.Count > 0 ? history.Max(h => h.CompletedAt) : DateTimeOffset.UtcNow;
        Islands(log, history, Math.Max(1, run.Spec.Islands.PopulationSize));
        Throughput(log, history);
        Screening(log, run, end);
        foreach (var row in run.Comparison)
        {
            for (var seed = 0; seed < row.Fitnesses.Count; seed++)
            {
                log.Scalar($"final/{row.Name}/accuracy", row.Fitnesses[seed], seed + 1, end);
            }

            log.Scalar($"final/{row.Name}/mean accuracy", row.Mean, row.Fitnesses.Count, end);
        }
    }

    private static void Islands(TensorBoardLog log, List<HistoryEntry> history, int window)
    {
        var best = new Dictionary<int, double>();
        var recent = new Dictionary<int, Queue<double>>();
        foreach (var entry in history.Where(h => h.Status != EvaluationStatus.Failed && double.IsFinite(h.Fitness)))
        {
            best[entry.Island] = Math.Max(best.GetValueOrDefault(entry.Island, double.NegativeInfinity), entry.Fitness);
            var last = recent.TryGetValue(entry.Island, out var queue) ? queue : recent[entry.Island] = new Queue<double>();
            last.Enqueue(entry.Fitness);
            if (last.Count > window)
            {
                last.Dequeue();
            }

            log.Scalar($"fitness/island-{entry.Island}/best", best[entry.Island], entry.Index, entry.CompletedAt);
            log.Scalar($"fitness/island-{entry.Island}/median", Median(last), entry.Index, entry.CompletedAt);
        }
    }

    private static void Throughput(TensorBoardLog log, List<HistoryEntry> history)
    {
        var byTime = history.OrderBy(h => h.CompletedAt).ToList();
        for (var i = 1; i < byTime.Count; i++)
        {
            var from = Math.Max(0, i - RateWindow);
            var minutes = (byTime[i].CompletedAt - byTime[from].CompletedAt).TotalMinutes;
            if (minutes > 0)
            {
                log.Scalar("throughput/evaluations per minute", (i - from) / minutes, i + 1, byTime[i].CompletedAt);
            }
        }
    }

    private static void Screening(TensorBoardLog log, RunRecord run, DateTimeOffset end)
    {
        var proposed = run.RejectedByScreening + run.Deduplicated + run.History.Count;
        if (proposed == 0)
        {
            return;
        }

        log.Scalar("screening/rejected share", (double)run.RejectedByScreening / proposed, run.History.Count, end);
        log.Scalar("screening/duplicate share", (double)run.Deduplicated / proposed, run.History.Count, end);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
