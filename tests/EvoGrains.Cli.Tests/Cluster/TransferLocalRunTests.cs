using System.Text.Json;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>
/// A small real search (TorchSharp training on Fashion-MNIST) whose final stage has transfer settings: every arm of the test
/// table (the survivor, CE, the tuned family's best point) is retrained in each setting; `final --transfer-only` adds another
/// setting to the finished run from its final.json.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TransferLocalRunTests
{
    private static readonly SearchSpec Spec = TinySpecs.TinyTraining(new FinalStageSpec
    {
        TopK = 1,
        Steps = 30,
        Seeds = 2,
        Baselines = ["ce"],
        Tune = [new TunedFamilySpec { Family = "ls-ce", Grid = [[0.1], [0.5]] }],
        Transfer = [new TransferSpec { Augment = "crop-flip" }, new TransferSpec { Name = "more images", TrainSubset = 800, LearningRate = 0.003 }],
    });

    [Fact]
    public async Task Every_arm_of_the_test_table_is_retrained_in_each_setting_and_transfer_only_adds_settings_from_final_json()
    {
        var folder = TinySpecs.TempFolder();
        var input = TinySpecs.WriteTo(folder + "-in", Spec);
        var other = TinySpecs.WriteTo(folder + "-other", Spec with { FinalStage = Spec.FinalStage with { Transfer = [new TransferSpec { Steps = 20, BatchSize = 16 }] } });
        try
        {
            var run = await CliRun.Of("local", "--spec", input, "--out", folder);

            Assert.True(run.ExitCode == 0, run.Error);
            using var final = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "final.json")));
            var arms = Names(final.RootElement);
            Assert.Equal(3, arms.Count);
            Assert.Contains("ce", arms);
            Assert.Single(arms, a => a.EndsWith('*'));
            var transfer = final.RootElement.GetProperty("transfer").EnumerateArray().ToList();
            Assert.Equal(["crop-flip", "more images"], transfer.Select(t => t.GetProperty("name").GetString()));
            Assert.Equal("augmentation crop-flip instead of none", transfer[0].GetProperty("differences").GetString());
            Assert.All(transfer, t => Assert.Equal(arms, Names(t)));
            Assert.All(transfer.SelectMany(t => t.GetProperty("rows").EnumerateArray()), r => Assert.Equal(2, r.GetProperty("fitnesses").GetArrayLength()));
            Assert.All(transfer.SelectMany(t => t.GetProperty("rows").EnumerateArray()), r => Assert.InRange(r.GetProperty("mean").GetDouble(), 0.3, 1));
            Assert.True(transfer[0].GetProperty("rows")[1].GetProperty("isTuned").ValueKind is JsonValueKind.True or JsonValueKind.False);
            // Tuning round: 2 grid points x 2 seeds; test table 3 arms x 2 seeds, and again in each of 2 settings.
            Assert.Equal((2 * 2) + (3 * 2 * 3), final.RootElement.GetProperty("trainings").GetInt32());
            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.Contains("#### crop-flip", report, StringComparison.Ordinal);
            Assert.Contains("Differs from the final table: 800 training images instead of 400 training images; learning rate 0.003 instead of 0.001. 2 seeds, 30 steps each.", report, StringComparison.Ordinal);
            Assert.Contains("#### Mean rank across settings", report, StringComparison.Ordinal);
            Assert.Contains("| loss | test table | crop-flip | more images | mean rank |", report, StringComparison.Ordinal);

            // The final results may sit elsewhere (what `evograins final --out` wrote): --final-json reads them.
            Directory.CreateDirectory(folder + "-rerun");
            File.Move(Path.Combine(folder, "final.json"), Path.Combine(folder + "-rerun", "final.json"));
            var again = await CliRun.Of("final", folder, "--spec", other, "--transfer-only", "--final-json", Path.Combine(folder + "-rerun", "final.json"), "--out", folder + "-transfer");

            Assert.True(again.ExitCode == 0, again.Error);
            using var only = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder + "-transfer", "final.json")));
            Assert.Equal(arms, Names(only.RootElement));
            Assert.Equal(final.RootElement.GetProperty("rows")[0].GetProperty("fitnesses").ToString(), only.RootElement.GetProperty("rows")[0].GetProperty("fitnesses").ToString());
            var added = Assert.Single(only.RootElement.GetProperty("transfer").EnumerateArray());
            Assert.Equal("20 steps, batch 16", added.GetProperty("name").GetString());
            Assert.Equal(arms, Names(added));
            Assert.Equal(final.RootElement.GetProperty("trainings").GetInt32() + (3 * 2), only.RootElement.GetProperty("trainings").GetInt32());
            Assert.Contains("#### 20 steps, batch 16", File.ReadAllText(Path.Combine(folder + "-transfer", "final.md")), StringComparison.Ordinal);
            Assert.Contains("transfer: 20 steps, batch 16 (20 steps instead of 30; batch 16 instead of 32)", again.Out, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var path in new[] { folder, folder + "-in", folder + "-other", folder + "-rerun", folder + "-transfer" }.Where(Directory.Exists))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Transfer_only_on_a_run_without_final_results_is_one_line_and_exit_2()
    {
        var folder = TinySpecs.TempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "spec.json"), SearchSpecJson.Write(Spec));
        File.WriteAllText(Path.Combine(folder, "hall-of-fame.json"), "[]");
        try
        {
            var run = await CliRun.Of("final", folder, "--transfer-only", "--out", folder + "-transfer");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"evograins: {folder}: no final.json (the run has no final results; `evograins final {folder} --out <dir>` makes them, and --final-json <dir>/final.json reads them)", run.Error.Trim());
            Assert.False(Directory.Exists(folder + "-transfer"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Transfer_only_without_transfer_settings_is_one_line_and_exit_2()
    {
        var folder = TinySpecs.TempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "spec.json"), SearchSpecJson.Write(Spec with { FinalStage = Spec.FinalStage with { Transfer = [] } }));
        File.WriteAllText(Path.Combine(folder, "hall-of-fame.json"), "[]");
        try
        {
            var run = await CliRun.Of("final", folder, "--transfer-only", "--out", folder + "-transfer");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("evograins: finalStage.transfer: no transfer settings to train (give a spec with finalStage.transfer)", run.Error.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Names(JsonElement table) => [.. table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
}
