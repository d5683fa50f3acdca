using EvoGrains.Cli.Runs;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Runs;

/// <summary>report.md after its answer: the final table as a figure, the per-method table, and wording only for the features a search used.</summary>
public sealed class RunReportTests
{
    private static readonly IslandSpec TwoMethods = new() { Count = 3, Methods = ["regularized-evolution", "random"] };

    [Fact]
    public void The_answer_is_followed_by_its_figure_and_a_table_per_method()
    {
        // Islands 0 and 2 run regularized evolution, island 1 random search; the hall of fame holds three losses of the first and one of the second.
        var history = new[] { Entry(0, 0, 0.70), Entry(1, 1, 0.60), Entry(2, 2, 0.75), Entry(3, 0, 0.72), Entry(4, 1, 0.65) };
        var run = Run(new SearchSpec { Name = "unit", Islands = TwoMethods }, history) with
        {
            HallOfFame = [.. history.Where(h => h.Index != 1).OrderByDescending(h => h.Fitness).Select(HallOfFameEntry.Of)],
        };
        var folder = Path.Combine(Path.GetTempPath(), "evograins-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunFolderWriter.Write(run, folder);

            var figure = File.ReadAllBytes(Path.Combine(folder, FinalAccuracyPlot.FileName));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], figure[..4]);
            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            var answer = report.IndexOf("## Answer", StringComparison.Ordinal);
            var image = report.IndexOf("![test accuracy per arm with 95% intervals](final-accuracy.png)", StringComparison.Ordinal);
            var methods = report.IndexOf("## Methods", StringComparison.Ordinal);
            Assert.True(answer >= 0 && answer < image && image < methods, report);
            Assert.Contains("| method | islands | evaluations | best validation fitness | share of the hall of fame |", report);
            Assert.Contains("| regularized-evolution | 2 | 3 | 0.7500 | 75% |", report);
            Assert.Contains("| random | 1 | 2 | 0.6500 | 25% |", report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Rungs_promotions_migration_and_rounds_are_not_mentioned_when_the_search_had_none()
    {
        var spec = new SearchSpec { Name = "plain", Islands = TwoMethods with { Count = 1 }, Migration = new MigrationSpec { Count = 0 } };

        var report = RunReport.Format(Run(spec, [Entry(0, 0, 0.7), Entry(1, 0, 0.6)]));

        Assert.DoesNotContain("rung", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("promot", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("migration", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("survivor", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("round", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rungs_and_migration_are_described_when_the_search_used_them()
    {
        var spec = new SearchSpec
        {
            Name = "laddered",
            Islands = TwoMethods,
            Evaluation = new EvaluationSpec { Rungs = [new RungSpec { Steps = 100, Seeds = 1 }, new RungSpec { Steps = 400, Seeds = 2 }] },
        };

        var report = RunReport.Format(Run(spec, [Entry(0, 0, 0.7), Entry(1, 1, 0.6), Entry(2, 0, 0.75) with { Rung = 1 }]));

        Assert.Contains("rungs 100 steps x 1 seed(s) -> 400 steps x 2 seed(s)", report, StringComparison.Ordinal);
        Assert.Contains(", 1 of them promotions", report, StringComparison.Ordinal);
        Assert.Contains("; migration of ", report, StringComparison.Ordinal);
        Assert.Contains("| method | islands | evaluations | promotions |", report, StringComparison.Ordinal);
        Assert.Contains("| regularized-evolution | 2 | 2 | 1 | 0.7500 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_says_what_happened_to_the_trainings_running_when_the_searching_ended()
    {
        var run = Run(new SearchSpec { Name = "timed", Islands = TwoMethods }, [Entry(0, 0, 0.7)]) with { CancelledTrainings = 3, LateResults = 1 };

        Assert.Contains("- end of the searching: 3 trainings still running then cancelled, so the final stage had every trainer at once; 1 result that arrived after the end not counted", RunReport.Format(run), StringComparison.Ordinal);
    }

    private static RunRecord Run(SearchSpec spec, IReadOnlyList<HistoryEntry> history)
    {
        List<ComparisonRow> rows = [Row("ce", true, 0.85), Row("#1 abc", false, 0.86)];
        return new RunRecord("report", spec, SearchState.Completed, null, history, [], rows, new FinalComparison { Steps = 1000, Seeds = 5, Rows = rows, CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 10 }, 0, 0);
    }

    private static HistoryEntry Entry(long index, int island, double fitness) =>
        new HistoryEntry { Index = index, Island = island, Hash = $"{index:x16}", Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "", Fitness = fitness, Status = EvaluationStatus.Completed, Seconds = 1, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = DateTimeOffset.UnixEpoch };

    private static ComparisonRow Row(string name, bool baseline, double mean) =>
        new ComparisonRow { Name = name, IsBaseline = baseline, Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [mean, mean, mean, mean, mean], Mean = mean, StandardDeviation = 0.01, ConfidenceHalfWidth = 0.012, PValueVsCe = 0.04, PairedPValueVsCe = 0.04, PValueVsBestBaseline = 0.04, PairedPValueVsBestBaseline = 0.04, SecondsPerRun = 3.2, FailedRuns = 0 };
}
