using System.Text.Json;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class FinalCommandTests
{
    [Fact]
    public async Task A_finished_runs_final_stage_runs_again_with_another_specs_tuned_baselines()
    {
        var folder = TinySpecs.TempFolder();
        var search = TinySpecs.Synthetic(20) with { FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 2, Baselines = ["ce"], Tune = [] } };
        var rejudge = search with
        {
            FinalStage = new FinalStageSpec { TopK = 2, Steps = 10, Seeds = 2, Baselines = ["ce", "mae"], Tune = [new TunedFamilySpec { Family = "gce", Grid = [[0.3], [0.7]] }] },
        };
        try
        {
            var local = await CliRun.Of("local", "--spec", TinySpecs.WriteTo(folder + "-in", search), "--out", folder);
            Assert.True(local.ExitCode == 0, local.Error);

            var again = await CliRun.Of("final", folder, "--spec", TinySpecs.WriteTo(folder + "-rejudge", rejudge), "--out", folder + "-final");

            Assert.True(again.ExitCode == 0, again.Error);
            using var first = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "final.json")));
            using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder + "-final", "final.json")));
            string[] Names(JsonDocument final) => [.. final.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
            var found = Names(first).Where(n => n is not "ce").ToList();
            Assert.Equal(2, found.Count);
            var names = Names(second);
            Assert.Equal([.. found, "ce", "mae"], names[..4]);
            Assert.Matches(@"^gce(\(0\.3\))?\*$", names[4]);
            Assert.Equal(["gce(0.3)", "gce"], second.RootElement.GetProperty("rounds")[0].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            Assert.Equal((2 * 2) + (5 * 2), second.RootElement.GetProperty("trainings").GetInt32());
            Assert.Contains("Tuning budget of the baselines: 1 families (gce), 2 grid points, 4 trainings", File.ReadAllText(Path.Combine(folder + "-final", "final.md")), StringComparison.Ordinal);
            Assert.Contains("| mae ", again.Out, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var path in new[] { folder, folder + "-in", folder + "-rejudge", folder + "-final" }.Where(Directory.Exists))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_folder_that_is_no_finished_run_is_one_line_and_exit_2()
    {
        var folder = TinySpecs.TempFolder();
        Directory.CreateDirectory(folder);
        try
        {
            var run = await CliRun.Of("final", folder, "--out", folder + "-final");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"evograins: {folder}: no spec.json (not the folder of a finished run)", run.Error.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
