using EvoGrains.Core.Search;
using EvoGrains.Training.Logging;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// The run folder's TensorBoard events (`tensorboard --logdir &lt;run folder&gt;`): per island the best
/// fitness so far and the median of its last population-size results, the best so far over every island,
/// evaluations per minute, the screening shares, and the final-stage accuracy of every arm per seed. Steps are
/// evaluation indexes (seed numbers for the final stage). Written at once for a finished run (<see cref="Write"/>), or
/// as the results arrive (<see cref="Replace"/>, then <see cref="Add"/> and <see cref="Screening"/> per snapshot and
/// <see cref="Final"/> at the end): each point is the same either way, and each is on disk when its call returns.
/// </summary>
public sealed class RunTensorBoard
{
    // Completions the evaluation rate is averaged over.
    private const int RateWindow = 20;

    private readonly TensorBoardLog log;
    private readonly int window;
    private readonly Dictionary<int, double> islandBest = [];
    private readonly Dictionary<int, Queue<double>> recent = [];
    private readonly List<DateTimeOffset> completions = [];
    private double best = double.NegativeInfinity;

    private RunTensorBoard(TensorBoardLog log, SearchSpec spec) =>
        (this.log, window) = (log, Math.Max(1, spec.Islands.PopulationSize));

    /// <summary>Starts the folder's events afresh (a run written again, or resumed, does not show twice).</summary>
    public static RunTensorBoard Replace(string folder, SearchSpec spec) => new(TensorBoardLog.Replace(folder), spec);

    public static void Write(RunRecord run, string folder)
    {
        var events = Replace(folder, run.Spec);
        events.Add(run.History.OrderBy(h => h.Index));
        var end = run.History.Count > 0 ? run.History.Max(h => h.CompletedAt) : DateTimeOffset.UtcNow;
        events.Screening(run.RejectedByScreening, run.Deduplicated, run.History.Count, end);
        events.Final(run.Comparison, end);
    }

    /// <summary>The next results, in history order.</summary>
    public void Add(IEnumerable<HistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            Throughput(entry.CompletedAt);
            if (entry.Status == EvaluationStatus.Failed || !double.IsFinite(entry.Fitness))
            {
                continue;
            }

            islandBest[entry.Island] =
                Math.Max(islandBest.GetValueOrDefault(entry.Island, double.NegativeInfinity), entry.Fitness);
            var last = recent.TryGetValue(entry.Island, out var queue)
                ? queue
                : recent[entry.Island] = new Queue<double>();
            last.Enqueue(entry.Fitness);
            if (last.Count > window)
            {
                last.Dequeue();
            }

            best = Math.Max(best, entry.Fitness);
            log.Scalar($"fitness/island-{entry.Island}/best", islandBest[entry.Island], entry.Index, entry.CompletedAt);
            log.Scalar($"fitness/island-{entry.Island}/median", Median(last), entry.Index, entry.CompletedAt);
            log.Scalar("fitness/best so far", best, entry.Index, entry.CompletedAt);
        }
    }

    /// <summary>
    /// The shares of the proposed candidates that screening rejected and that were duplicates, at
    /// <paramref name="evaluations"/> done.
    /// </summary>
    public void Screening(long rejected, long deduplicated, long evaluations, DateTimeOffset at)
    {
        var proposed = rejected + deduplicated + evaluations;
        if (proposed == 0)
        {
            return;
        }

        log.Scalar("screening/rejected share", (double)rejected / proposed, evaluations, at);
        log.Scalar("screening/duplicate share", (double)deduplicated / proposed, evaluations, at);
    }

    public void Final(IReadOnlyList<ComparisonRow> rows, DateTimeOffset at)
    {
        foreach (var row in rows)
        {
            for (var seed = 0; seed < row.Fitnesses.Count; seed++)
            {
                log.Scalar($"final/{row.Name}/accuracy", row.Fitnesses[seed], seed + 1, at);
            }

            log.Scalar($"final/{row.Name}/mean accuracy", row.Mean, row.Fitnesses.Count, at);
        }
    }

    /// <summary>
    /// Evaluations per minute over the last <see cref="RateWindow"/> completions up to this one, in completion order.
    /// </summary>
    private void Throughput(DateTimeOffset completedAt)
    {
        var at = completions.BinarySearch(completedAt) is var found && found < 0 ? ~found : found + 1;
        completions.Insert(at, completedAt);
        var from = Math.Max(0, at - RateWindow);
        var minutes = (completions[at] - completions[from]).TotalMinutes;
        if (minutes > 0)
        {
            log.Scalar("throughput/evaluations per minute", (at - from) / minutes, at + 1, completedAt);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
