using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// Writes a run folder: spec.json, history.csv, hall-of-fame.json, final.json, final.csv and final-accuracy.png (when
/// the final stage ran), plots (fitness, islands, the top losses' true-class
/// terms, and one-hot-{rank}.png for every hall-of-fame loss), report.md and TensorBoard events.
/// </summary>
public static class RunFolderWriter
{
    public const string HistoryFile = "history.csv";
    public const string HallOfFameFile = "hall-of-fame.json";

    /// <param name="run">The finished run.</param>
    /// <param name="folder">Its run folder.</param>
    /// <param name="liveEvents">The TensorBoard events a <see cref="LiveRunFolder"/> wrote while the search ran,
    /// which get the rest; without them the events are written afresh.</param>
    public static void Write(RunRecord run, string folder, RunTensorBoard? liveEvents = null)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "spec.json"), SearchSpecJson.Write(run.Spec));
        // Replaced whole: a script may be reading the files the live folder wrote.
        AtomicFile.WriteAllText(Path.Combine(folder, HistoryFile), HistoryCsv.Format(run.History));
        AtomicFile.WriteAllText(
            Path.Combine(folder, HallOfFameFile), FinalResultsFiles.HallOfFame(run.HallOfFame, run.Final));
        if (run.Final is { } final)
        {
            File.WriteAllText(Path.Combine(folder, "final.json"), FinalResultsFiles.Json(final));
            File.WriteAllText(Path.Combine(folder, "final.csv"), FinalResultsFiles.Csv(final));
            if (run.Comparison.Count > 0)
            {
                FinalAccuracyPlot.Save(run.Comparison, final, Path.Combine(folder, FinalAccuracyPlot.FileName));
            }
        }

        if (run.History.Count > 0)
        {
            RunPlots.Fitness(run.History, Path.Combine(folder, "fitness.png"));
            RunPlots.Islands(
                run.History,
                island => StrategyFactory.MethodOf(run.Spec.Islands, island),
                Path.Combine(folder, "islands.png"));
        }

        var described = DescribedLoss.Of(run.HallOfFame);
        var curves = described.Take(RunReport.TopLosses)
            .Select(loss => ($"#{loss.Rank} {Shorten(loss.Entry.Expression)}", loss.Loss))
            .Prepend(("ce", LossZoo.CrossEntropy))
            .ToList();
        RunPlots.LossCurves(curves, Path.Combine(folder, "loss-curves-true-class.png"));
        foreach (var loss in described)
        {
            RunPlots.OneHotHalves(loss, Path.Combine(folder, loss.PlotFile));
        }

        File.WriteAllText(Path.Combine(folder, "report.md"), RunReport.Format(run, described));
        if (liveEvents is null)
        {
            RunTensorBoard.Write(run, folder);
        }
        else
        {
            var end = DateTimeOffset.UtcNow;
            liveEvents.Screening(run.RejectedByScreening, run.Deduplicated, run.History.Count, end);
            liveEvents.Final(run.Comparison, end);
        }
    }

    private static string Shorten(string expression) => expression.Length <= 48 ? expression : expression[..45] + "...";
}
