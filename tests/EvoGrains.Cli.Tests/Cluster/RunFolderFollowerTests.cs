using System.Text.Json;
using System.Text.RegularExpressions;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Runs;
using EvoGrains.TestSupport.TensorBoard;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>A local run's folder while its search runs: whole history rows, the hall of fame and TensorBoard scalars, readable at every progress line.</summary>
[Trait("Category", "Integration")]
public sealed partial class RunFolderFollowerTests
{
    [Fact]
    public async Task The_run_folder_grows_while_the_search_runs_and_is_readable_at_every_progress_line()
    {
        var folder = TinySpecs.TempFolder();
        var progress = new FolderReader(folder);
        try
        {
            // Off xunit's synchronization context, as the command line runs it.
            var run = await Task.Run(() => LocalSearch.RunAsync(
                folder, TinySpecs.Synthetic(60, delayMs: 150), new CliConsole(progress, TextWriter.Null), new ProgressOutput(false, TimeSpan.Zero), CancellationToken.None));

            Assert.NotNull(run);
            var midRun = progress.Seen.Where(s => s.State == "Running" && s.Done > 0).ToList();
            Assert.True(midRun.Count >= 2, $"{midRun.Count} progress lines while running");
            Assert.All(midRun, seen =>
            {
                Assert.False(seen.Finished, "report.md exists before the search ended");
                // The folder caught up with the snapshot before it was printed: every counted result is a whole row, in order.
                Assert.True(seen.Rows.Count >= seen.Done, $"{seen.Rows.Count} rows at {seen.Done} done");
                Assert.Equal(Enumerable.Range(0, seen.Rows.Count).Select(i => (long)i), seen.Rows.Select(r => r.Index));
                Assert.True(seen.HallOfFame > 0);
                Assert.Equal(seen.Rows.Count(r => r.Status != "failed"), seen.BestSoFarPoints);
            });
            Assert.True(midRun[^1].Rows.Count > midRun[0].Rows.Count, "history.csv grew during the run");

            // The finished folder continues the live events: one point per result, none twice.
            var events = TensorBoardEvents.ReadFolder(folder);
            Assert.Single(Directory.GetFiles(folder, "events.out.tfevents.*"));
            Assert.Equal(run.History.Count(h => h.Status != Core.Search.EvaluationStatus.Failed), events.Count(e => e.Tag == "fitness/best so far"));
            Assert.Contains(events, e => e.Tag == "final/ce/accuracy");
            Assert.Equal(60, HistoryCsv.Parse(File.ReadAllText(Path.Combine(folder, "history.csv")), "history.csv").Count);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed record Seen(string State, int Done, IReadOnlyList<HistoryRow> Rows, int HallOfFame, int BestSoFarPoints, bool Finished);

    /// <summary>At every progress line, reads what a script would read from the run folder right then.</summary>
    private sealed class FolderReader(string folder) : StringWriter
    {
        public List<Seen> Seen { get; } = [];

        public override Task WriteLineAsync(string? value)
        {
            var line = ProgressLine().Match(value ?? "");
            if (line.Success)
            {
                var history = Path.Combine(folder, "history.csv");
                using var reader = new StreamReader(new FileStream(history, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                var rows = HistoryCsv.Parse(reader.ReadToEnd(), history);
                var hallOfFame = Path.Combine(folder, "hall-of-fame.json");
                var entries = File.Exists(hallOfFame) ? JsonDocument.Parse(File.ReadAllText(hallOfFame)).RootElement.GetArrayLength() : 0;
                var bestSoFar = TensorBoardEvents.ReadFolder(folder).Count(e => e.Tag == "fitness/best so far");
                Seen.Add(new Seen(line.Groups[1].Value, int.Parse(line.Groups[2].Value), rows, entries, bestSoFar, File.Exists(Path.Combine(folder, "report.md"))));
            }

            return Task.CompletedTask;
        }
    }

    [GeneratedRegex("^(\\w+) +(\\d+)/")]
    private static partial Regex ProgressLine();
}
