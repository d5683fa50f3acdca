using System.Text.Json;
using System.Text.RegularExpressions;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport.Search;
using EvoGrains.TestSupport.TensorBoard;

namespace EvoGrains.Cli.Tests.Runs;

public sealed class RunFolderWriterTests
{
    [Fact]
    public async Task Writes_every_file_of_a_run_folder_consistently()
    {
        var funnel = new ScreeningFunnel();
        var runner = new SearchRunner(new RegularizedEvolution(new CellSpace(), funnel, 20, 5, 30), new SyntheticEvaluator(), seed: 3);
        await runner.RunAsync(90);
        var comparison = new List<ComparisonRow>
        {
            Row("ce", true, "-(y * log(p))", 0.85, double.NaN),
            Row(runner.HallOfFame.Entries[0].Hash, false, runner.HallOfFame.Entries[0].Expression, 0.86, 0.04),
        };
        var run = new RunRecord("test-1", new SearchSpec { Name = "unit" }, SearchState.Completed, null, runner.History, runner.HallOfFame.Entries, comparison, new FinalComparison { Steps = 600, Seeds = 5, Rows = comparison, CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 10 }, 123, 4);
        var folder = Path.Combine(Path.GetTempPath(), "evograins-run-" + Guid.NewGuid().ToString("N"));

        try
        {
            RunFolderWriter.Write(run, folder);

            var csv = File.ReadAllLines(Path.Combine(folder, "history.csv"));
            Assert.Equal(HistoryCsv.Header, csv[0]);
            Assert.Equal(90, csv.Length - 1);
            var hall = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "hall-of-fame.json"))).RootElement;
            Assert.Equal(runner.HallOfFame.Entries.Count, hall.GetArrayLength());
            // The shape the README documents.
            Assert.Equal(["hash", "expression", "loss", "fitness", "island", "operator", "parents", "rung", "seeds", "spread", "final"], hall[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, hall[0].GetProperty("spread").ValueKind);
            // The finalist carries its final-table numbers; the others were not in the final table.
            Assert.Equal(["split", "mean", "standardDeviation", "confidenceHalfWidth", "seeds"], hall[0].GetProperty("final").EnumerateObject().Select(p => p.Name));
            Assert.Equal(("test", 0.86, 5), (hall[0].GetProperty("final").GetProperty("split").GetString(), hall[0].GetProperty("final").GetProperty("mean").GetDouble(), hall[0].GetProperty("final").GetProperty("seeds").GetInt32()));
            Assert.Equal(JsonValueKind.Null, hall[1].GetProperty("final").ValueKind);

            var final = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "final.json"))).RootElement;
            Assert.Equal(("test", 600, 5), (final.GetProperty("split").GetString(), final.GetProperty("steps").GetInt32(), final.GetProperty("seeds").GetInt32()));
            Assert.Equal(5, final.GetProperty("rows")[1].GetProperty("fitnesses").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, final.GetProperty("rows")[0].GetProperty("pValueVsCe").ValueKind);
            var finalCsv = File.ReadAllLines(Path.Combine(folder, "final.csv"));
            Assert.Equal(FinalResultsFiles.CsvHeader, finalCsv[0]);
            Assert.Equal(1 + (2 * 5), finalCsv.Length);
            Assert.StartsWith("ce,true,", finalCsv[1], StringComparison.Ordinal);
            Assert.EndsWith(",0.85,0.85,0.01,0.012,,,,,test,600", finalCsv[1], StringComparison.Ordinal);
            Assert.Equal(["infix", "reduction", "labelSmoothing"], hall[0].GetProperty("loss").EnumerateObject().Select(p => p.Name));
            Assert.Equal("unit", SearchSpecJson.Load(Path.Combine(folder, "spec.json")).Name);
            var halves = runner.HallOfFame.Entries.Select((_, i) => $"one-hot-{i + 1}.png").ToList();
            Assert.False(File.Exists(Path.Combine(folder, "loss-curves-other-class.png")));
            foreach (var png in new[] { "fitness.png", "islands.png", "loss-curves-true-class.png" }.Concat(halves))
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, png));
                Assert.True(bytes.Length > 10_000, $"{png} is suspiciously small");
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            }

            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.Contains(runner.HallOfFame.Entries[0].Expression, report);
            Assert.Contains("```python", report);
            Assert.Contains("```csharp", report);
            Assert.Contains("$$", report);
            Assert.Contains("## Lineage of the best", report);
            var entries = runner.HallOfFame.Entries;
            Assert.True(entries.Count > RunReport.TopLosses);
            Assert.Equal(entries.Count, Regex.Matches(report, "gradient cosine").Count);
            Assert.Contains("One-hot halves: `t(1, p) = ", report);
            Assert.Contains("![one-hot halves of loss 1 beside CE and its nearest known loss](one-hot-1.png)", report);
            Assert.Contains($"[one-hot-{entries.Count}.png](one-hot-{entries.Count}.png)", report);
            Assert.DoesNotContain("loss-curves-other-class", report);
            Assert.Contains("| ce ", report);
            var events = TensorBoardEvents.ReadFolder(folder);
            Assert.Equal(90, events.Count(e => e.Tag.StartsWith("fitness/island-", StringComparison.Ordinal) && e.Tag.EndsWith("/best", StringComparison.Ordinal)));
            Assert.Contains(events, e => e.Tag == "final/ce/accuracy");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_report_tables_rounds_on_validation_and_the_final_numbers_on_test()
    {
        var rows = new List<ComparisonRow> { Row("ce", true, "-(y * log(p))", 0.85, double.NaN), Row("#1 abc", false, "x", 0.86, 0.04) };
        var rounds = new List<FinalRoundResult>
        {
            new(0, 800, 3, 20000, [Row("abc", false, "x", 0.81, double.NaN), Row("def", false, "y", 0.79, double.NaN)], ["abc"]),
        };
        var final = new FinalComparison { Steps = 1000, Seeds = 10, Rows = rows, CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = rounds, Trainings = 26 };
        var run = new RunRecord("test-2", new SearchSpec { Name = "unit" }, SearchState.Completed, null, [], [], rows, final, 0, 0);

        var report = RunReport.Format(run);

        // The answer comes first: the best found loss against the strongest baseline, on the test set.
        Assert.True(report.IndexOf("## Answer", StringComparison.Ordinal) < report.IndexOf("Status:", StringComparison.Ordinal));
        Assert.Contains("On the **test set** (10 seeds, 1000 steps each, every arm alike), the best found loss `x` (0.8600) beats the strongest baseline, ce (0.8500).", report);
        Assert.Contains("| found: `#1 abc` | 0.8600 ± 0.0100 | ±0.0120 | 0.040 / 0.040 | 0.040 / 0.040 |", report);
        Assert.Contains("### Elimination rounds (validation accuracy)", report);
        Assert.Contains("| 1 | 800 | 3 | 20000 | `abc` 0.8100, `def` 0.7900 | `abc` |", report);
        Assert.Contains("### Final table (test accuracy)", report);
        Assert.Contains("measured on the **test set**", report);
        Assert.Contains("26 trainings", report);
        var table = report[report.IndexOf("### Final table", StringComparison.Ordinal)..];
        Assert.Contains("| test accuracy ", table);
        Assert.DoesNotContain("validation", table);
        Assert.Contains("0.040 / 0.040", table);
    }

    [Theory]
    [InlineData(0.88, 0.20, "is ahead of, but not significantly (Welch p >= 0.05), the strongest baseline, sce (0.8700)")]
    [InlineData(0.86, 0.01, "does not beat the strongest baseline, sce (0.8700)")]
    public void The_answer_names_the_strongest_baseline_and_says_plainly_when_the_found_loss_does_not_win(double found, double p, string verdict)
    {
        var rows = new List<ComparisonRow> { Row("ce", true, "-(y * log(p))", 0.85, double.NaN), Row("sce", true, "sce", 0.87, double.NaN), Row("#1 abc", false, "x", found, p) };
        var final = new FinalComparison { Steps = 1000, Seeds = 10, Rows = rows, CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 30 };
        var run = new RunRecord("test-3", new SearchSpec { Name = "unit" }, SearchState.Completed, null, [], [], rows, final, 0, 0);

        var report = RunReport.Format(run);

        Assert.Contains(verdict, report);
        var answer = report[report.IndexOf("## Answer", StringComparison.Ordinal)..report.IndexOf("Status:", StringComparison.Ordinal)];
        Assert.Equal(3, answer.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| loss", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_run_without_a_final_stage_has_no_answer_section()
    {
        var run = new RunRecord("test-4", new SearchSpec { Name = "unit" }, SearchState.Cancelled, null, [], [], [], null, 0, 0);

        Assert.DoesNotContain("## Answer", RunReport.Format(run));
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_and_quotes()
    {
        var entry = new HistoryEntry { Index = 0, Island = 1, Hash = "00", Expression = "max(p, y)", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "", Fitness = 0.5, Status = EvaluationStatus.Failed, Seconds = 1, Operator = "random", Parents = [], Failure = "said \"no\"", Shared = false, CompletedAt = DateTimeOffset.UnixEpoch };
        var promoted = entry with { Rung = 1, Steps = 360, Seeds = 2, Spread = 0.25, Failure = null, Status = EvaluationStatus.Completed };

        var lines = HistoryCsv.Format([entry, promoted]).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("0,00,\"max(p, y)\",1,0.5,failed,1.000,random,,\"said \"\"no\"\"\",0,0,1,", lines[1]);
        Assert.Equal("0,00,\"max(p, y)\",1,0.5,completed,1.000,random,,,1,360,2,0.25", lines[2]);
    }

    private static ComparisonRow Row(string name, bool baseline, string expression, double mean, double p) =>
        new ComparisonRow { Name = name, IsBaseline = baseline, Expression = expression, Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [mean, mean, mean, mean, mean], Mean = mean, StandardDeviation = 0.01, ConfidenceHalfWidth = 0.012, PValueVsCe = p, PairedPValueVsCe = p, PValueVsBestBaseline = p, PairedPValueVsBestBaseline = p, SecondsPerRun = 3.2, FailedRuns = 0 };
}
