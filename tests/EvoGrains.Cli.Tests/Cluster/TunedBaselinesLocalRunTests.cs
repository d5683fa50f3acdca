using System.Text.Json;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>A small real search (TorchSharp training on Fashion-MNIST) whose final stage tunes two baseline families.</summary>
[Trait("Category", "Integration")]
public sealed class TunedBaselinesLocalRunTests
{
    [Fact]
    public async Task The_final_table_holds_each_tuned_familys_best_grid_point_and_the_report_its_grid_and_budget()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.TinyTraining(new FinalStageSpec
        {
            TopK = 1,
            Steps = 30,
            Seeds = 2,
            Baselines = ["ce"],
            Tune = [new TunedFamilySpec { Family = "ls-ce", Grid = [[0.1], [0.5]] }, new TunedFamilySpec { Family = "poly1", Grid = [[1], [2]] }],
        });
        var input = TinySpecs.WriteTo(folder + "-in", spec);
        try
        {
            var run = await CliRun.Of("local", "--spec", input, "--out", folder);

            Assert.True(run.ExitCode == 0, run.Error);
            using var final = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "final.json")));
            var round = final.RootElement.GetProperty("rounds").EnumerateArray().Single();
            Assert.Equal(["ls-ce", "ls-ce(0.5)", "poly1", "poly1(2)"], round.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            Assert.All(round.GetProperty("rows").EnumerateArray(), r => Assert.Equal(2, r.GetProperty("fitnesses").GetArrayLength()));
            var rows = final.RootElement.GetProperty("rows").EnumerateArray().ToList();
            var tuned = rows.Where(r => r.GetProperty("isTuned").GetBoolean()).Select(r => r.GetProperty("name").GetString()!).ToList();
            Assert.Equal(2, tuned.Count);
            Assert.Matches(@"^ls-ce(\(0\.5\))?\*$", tuned[0]);
            Assert.Matches(@"^poly1(\(2\))?\*$", tuned[1]);
            Assert.Equal(1 + 1 + 2, rows.Count);
            Assert.All(rows, r => Assert.Equal(2, r.GetProperty("fitnesses").GetArrayLength()));
            Assert.Equal((4 * 2) + (4 * 2), final.RootElement.GetProperty("trainings").GetInt32());

            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.Contains("Tuning budget of the baselines: 2 families (ls-ce, poly1), 4 grid points, 8 trainings, 240 training steps", report, StringComparison.Ordinal);
            Assert.Contains($"| {tuned[0]} ", report, StringComparison.Ordinal);
            Assert.Contains("`*`: the best point of a baseline family's grid on validation", report, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var path in new[] { folder, folder + "-in" }.Where(Directory.Exists))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
