using System.Text.Json;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport;

namespace EvoGrains.Cli.Tests.Bench;

/// <summary>`evograins bench fidelity` end to end on real Fashion-MNIST training, kept to seconds: 1,000 images, tens of steps.</summary>
public sealed class FidelityBenchCommandTests : IDisposable
{
    private readonly string folder = TinySpecs.TempFolder();

    public void Dispose() => TempFolder.DeleteQuietly(folder);

    [Fact]
    public async Task Ranks_the_baselines_and_screened_candidates_at_both_budgets_and_correlates_them()
    {
        var spec = WriteSpec(Tiny("tiny-fidelity"));

        var run = await CliRun.Of("bench", "fidelity", "--spec", spec, "--candidates", "3", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("tiny-fidelity", root.GetProperty("specName").GetString());
        Assert.Equal([11, 12], Ints(root.GetProperty("firstRung").GetProperty("seeds")));
        Assert.Equal("validation", root.GetProperty("firstRung").GetProperty("split").GetString());
        // The final stage's test round: its steps, seeds 1000 above the search's, the test split.
        Assert.Equal(40, root.GetProperty("final").GetProperty("steps").GetInt32());
        Assert.Equal([1011, 1012, 1013], Ints(root.GetProperty("final").GetProperty("seeds")));
        Assert.Equal("test", root.GetProperty("final").GetProperty("split").GetString());

        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["ce", "ls-ce", "ngl"], rows.Take(3).Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(3, rows.Count(r => !r.GetProperty("isBaseline").GetBoolean()));
        Assert.All(rows, row =>
        {
            Assert.Equal(JsonValueKind.Number, row.GetProperty("firstRungSpread").ValueKind);
            Assert.Equal(3, row.GetProperty("finalRuns").GetArrayLength());
            Assert.InRange(row.GetProperty("firstRungMean").GetDouble(), 0.0, 1.0);
            Assert.InRange(row.GetProperty("finalMean").GetDouble(), 0.0, 1.0);
            Assert.InRange(row.GetProperty("finalRank").GetDouble(), 1.0, rows.Count);
        });
        Assert.True(rows[0].GetProperty("finalMean").GetDouble() > 0.5, "CE learns Fashion-MNIST in 40 steps");

        foreach (var name in new[] { "spearman", "kendall" })
        {
            var interval = root.GetProperty(name);
            var estimate = interval.GetProperty("estimate").GetDouble();
            Assert.InRange(estimate, -1.0, 1.0);
            Assert.InRange(estimate, interval.GetProperty("lower").GetDouble(), interval.GetProperty("upper").GetDouble());
            Assert.InRange(interval.GetProperty("lower").GetDouble(), -1.0, 1.0);
            Assert.InRange(interval.GetProperty("upper").GetDouble(), -1.0, 1.0);
            Assert.Equal(2000, interval.GetProperty("resamples").GetInt32());
        }

        Assert.Contains("first rung: 6 losses x 2 seed(s) x 15 steps", run.Error);
        // The first rung is the search's fitness: what one island's evaluator gives for the rung's seeds.
        Assert.All(rows, row => Assert.False(row.GetProperty("firstRungFailed").GetBoolean()));
    }

    [Fact]
    public async Task Writes_one_section_per_spec_and_keeps_the_others()
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "fidelity.md");
        File.WriteAllText(output, "# Rank fidelity: first rung against the final budget\n\n## Reading the figures\n\nNotes.\n\n## other-spec\n\nAn earlier run.\n\n## tiny-md\n\nStale.\n");
        var spec = WriteSpec(Tiny("tiny-md") with { FinalStage = new FinalStageSpec { Steps = 20, Baselines = ["ce"] } });

        var run = await CliRun.Of("bench", "fidelity", "--spec", spec, "--candidates", "3", "--seeds", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var text = File.ReadAllText(output);
        Assert.Contains("## Reading the figures\n\nNotes.", text);
        Assert.Contains("## other-spec\n\nAn earlier run.", text);
        Assert.DoesNotContain("Stale.", text);
        Assert.Single(text.Split('\n'), l => l == "## tiny-md");
        Assert.Contains("20 steps, 4 seed(s) (1011, 1012, 1013, 1014), test accuracy", text);
        Assert.Contains("| ce |", text);
        Assert.Matches(@"Spearman's rho -?\d\.\d{3} \(95% CI -?\d\.\d{3} to -?\d\.\d{3}\)", text);
        Assert.Contains($"(written to {output})", run.Out);
        Assert.Contains("![first rung against the final budget](fidelity-tiny-md.png)", text);
        var png = File.ReadAllBytes(Path.Combine(folder, "fidelity-tiny-md.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 10_000, "the figure is suspiciously small");
    }

    [Theory]
    [InlineData("missing", "no such spec file")]
    [InlineData("unknown-field", "unknown field 'stepz'")]
    [InlineData("synthetic", "evaluation.evaluator: the fidelity benchmark trains real models")]
    [InlineData("candidates-0", "--candidates must be between 1 and 1000 (got 0)")]
    [InlineData("candidates-1001", "--candidates must be between 1 and 1000 (got 1001)")]
    [InlineData("no-spec", "--spec")]
    public async Task Bad_input_gives_one_line_and_exit_2(string input, string expected)
    {
        var good = WriteSpec(Tiny("tiny-bad"));
        var bad = Path.Combine(folder, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(good).Replace("\"steps\": 15", "\"stepz\": 15", StringComparison.Ordinal));
        string[] args = input switch
        {
            "missing" => ["--spec", Path.Combine(folder, "nope.json")],
            "unknown-field" => ["--spec", bad],
            "synthetic" => ["--spec", WriteSpec(Tiny("tiny-synthetic") with { Evaluation = new EvaluationSpec { Evaluator = "synthetic" } })],
            "candidates-0" => ["--spec", good, "--candidates", "0"],
            "candidates-1001" => ["--spec", good, "--candidates", "1001"],
            _ => [],
        };

        var run = await CliRun.Of(["bench", "fidelity", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Error);
    }

    private static SearchSpec Tiny(string name) => new()
    {
        Name = name,
        Seed = 11,
        Evaluation = new EvaluationSpec
        {
            Dataset = "fashion-mnist",
            Model = "mlp",
            Steps = 30,
            BatchSize = 32,
            LearningRate = 0.003,
            WarmupSteps = 2,
            TrainSubset = 1000,
            ValidationSize = 500,
            Rungs = [new RungSpec { Steps = 15, Seeds = 2 }, new RungSpec { Steps = 30, Seeds = 2 }],
        },
        Trainers = new TrainerSpec { Count = 2, Threads = 1, PackSize = 4 },
        FinalStage = new FinalStageSpec { TopK = 1, Steps = 40, Seeds = 2, Baselines = ["ls-ce", "ngl"] },
    };

    private string WriteSpec(SearchSpec spec)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, spec.Name + ".json");
        File.WriteAllText(path, SearchSpecJson.Write(spec));
        return path;
    }

    private static List<int> Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToList();
}
