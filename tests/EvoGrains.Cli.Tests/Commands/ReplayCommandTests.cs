using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Runs;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Commands;

public sealed class ReplayCommandTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task Replaying_losses_of_a_real_local_search_gives_the_recorded_fitness_exactly()
    {
        var folder = TinySpecs.TempFolder();
        var spec = new SearchSpec
        {
            Name = "replay-test",
            Seed = 7,
            Islands = new IslandSpec { Count = 1, Methods = ["regularized-evolution"], PopulationSize = 4, TournamentSize = 2, SeedEvaluations = 4, InFlight = 2 },
            Migration = new MigrationSpec { Count = 0 },
            Budget = new BudgetSpec { MaxEvaluations = 8 },
            // Two rungs (the second the mean of two seeds) and noisy labels: the replay must rebuild all of it.
            Evaluation = new EvaluationSpec
            {
                Dataset = "fashion-mnist", Model = "mlp", BatchSize = 64, LearningRate = 3e-3, WarmupSteps = 5, TrainSubset = 1000, ValidationSize = 500, LabelNoise = 0.2,
                Rungs = [new RungSpec { Steps = 20, Seeds = 1 }, new RungSpec { Steps = 40, Seeds = 2 }],
                Promote = 0.5,
            },
            Trainers = new TrainerSpec { Count = 1, LeaseSeconds = 60 },
            FinalStage = new FinalStageSpec { TopK = 1, Steps = 10, Seeds = 1, Baselines = ["ce"] },
        };
        try
        {
            var run = await Task.Run(() => LocalSearch.RunAsync(folder, spec, new CliConsole(TextWriter.Null, TextWriter.Null), new ProgressOutput(false, ProgressOutput.DefaultInterval), CancellationToken.None));
            Assert.NotNull(run);
            var history = HistoryCsv.Parse(File.ReadAllText(Path.Combine(folder, "history.csv")), "history.csv");
            var promoted = history.Where(r => r.Rung == 1 && r.Status == "completed").OrderByDescending(r => r.Fitness).ToList();
            Assert.True(promoted.Count >= 1, "the search should promote a loss to rung 1");
            Assert.True(promoted[0].Fitness > 0.3, $"trained on real images, the best should beat chance: {promoted[0].Fitness}");

            // By default the highest rung the loss reached: 40 steps, the mean of seeds 7 and 8.
            var json = await CliRun.Of("replay", folder, promoted[0].Hash, "--json");

            Assert.True(json.ExitCode == 0, json.Error + json.Out);
            var report = JsonDocument.Parse(json.Out).RootElement;
            Assert.Equal(promoted[0].Fitness, report.GetProperty("recordedFitness").GetDouble());
            Assert.Equal(promoted[0].Fitness, report.GetProperty("replayedFitness").GetDouble());
            Assert.Equal(promoted[0].Spread, report.GetProperty("replayedSpread").GetDouble());
            Assert.Equal("identical", report.GetProperty("verdict").GetString());
            Assert.Equal((1, 40, 2, 7), (report.GetProperty("rung").GetInt32(), report.GetProperty("steps").GetInt32(), report.GetProperty("seeds").GetInt32(), report.GetProperty("seed").GetInt32()));

            // Its first rung, in the text form, by a unique prefix: both numbers print alike.
            var first = history.Single(r => r.Hash == promoted[0].Hash && r.Rung == 0);
            var text = await CliRun.Of("replay", folder, first.Hash[..10], "--rung", "0");

            Assert.True(text.ExitCode == 0, text.Error + text.Out);
            var recorded = first.Fitness.ToString("F6", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("rung 0: 20 steps x 1 seed(s) from seed 7", text.Out);
            Assert.Contains($"recorded  {recorded} (completed)", text.Out);
            Assert.Contains($"replayed  {recorded} (completed", text.Out);
            Assert.Contains("identical", text.Out);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_synthetic_run_replays_identically_and_a_wrong_record_is_reported_with_exit_1()
    {
        using var folder = new HandMadeRun(("-(log(p) - y / p)", null), ("p * y", 0.123));
        var baikal = LossFunction.Parse("-(log(p) - y / p)").HashHex;
        var other = LossFunction.Parse("p * y").HashHex;

        var same = await CliRun.Of("replay", folder.Path, baikal, "--json");
        var wrong = await CliRun.Of("replay", folder.Path, other);

        Assert.True(same.ExitCode == 0, same.Error + same.Out);
        Assert.Equal("identical", JsonDocument.Parse(same.Out).RootElement.GetProperty("verdict").GetString());
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("recorded  0.123000", wrong.Out);
        Assert.Contains("DIFFERS", wrong.Out);
    }

    [Fact]
    public async Task Bad_input_gives_one_line_naming_it_and_exit_2()
    {
        using var folder = new HandMadeRun(Similar().Select(e => (e, (double?)null)).ToArray());
        var prefix = LossFunction.Parse(Similar()[0]).HashHex[..1];
        var known = LossFunction.Parse(Similar()[0]).HashHex;
        var missing = System.IO.Path.Combine(folder.Path, "nowhere");
        var empty = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "empty")).FullName;

        (string[] Args, string Expected)[] cases =
        [
            ([missing, known], $"{missing}: no such run folder"),
            ([empty, known], $"{empty}: no spec.json"),
            ([folder.Path, "0123456789abcdefX"], "no evaluation with hash '0123456789abcdefX'"),
            ([folder.Path, prefix], $"hash prefix '{prefix}' matches 2 losses"),
            ([folder.Path, known, "--rung", "1"], "--rung 1: the spec has rungs 0 to 0"),
            ([folder.Path, known, "--rung", "-1"], "--rung -1: the spec has rungs 0 to 0"),
        ];
        foreach (var (args, expected) in cases)
        {
            var run = await CliRun.Of(["replay", .. args]);

            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)}: exit {run.ExitCode} {run.Error}");
            Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
    }

    /// <summary>Two losses whose hashes share the first hex digit (17 losses hold such a pair).</summary>
    private static string[] Similar()
    {
        var losses = Enumerable.Range(1, 17).Select(i => $"p * y * {i}").ToList();
        return losses.GroupBy(e => LossFunction.Parse(e).HashHex[0]).First(g => g.Count() > 1).Take(2).ToArray();
    }

    /// <summary>A run folder of a synthetic-evaluator search with the given losses; a null fitness is the synthetic one.</summary>
    private sealed class HandMadeRun : IDisposable
    {
        public HandMadeRun(params (string Expression, double? Fitness)[] losses)
        {
            Path = TinySpecs.TempFolder();
            Directory.CreateDirectory(Path);
            File.WriteAllText(System.IO.Path.Combine(Path, "spec.json"), SearchSpecJson.Write(TinySpecs.Synthetic(10, delayMs: 0)));
            var history = losses.Select((l, i) =>
            {
                var loss = LossFunction.Parse(l.Expression);
                var fitness = l.Fitness ?? new SyntheticEvaluator().Evaluate(loss).Fitness;
                return new HistoryEntry { Index = i, Island = 0, Hash = loss.HashHex, Expression = loss.ToString(), Loss = LossText.From(loss), Genome = "", Fitness = fitness, Status = EvaluationStatus.Completed, Seconds = 0, Operator = "random", Parents = [], Failure = null, Shared = false, CompletedAt = DateTimeOffset.UnixEpoch };
            });
            File.WriteAllText(System.IO.Path.Combine(Path, "history.csv"), HistoryCsv.Format(history));
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
