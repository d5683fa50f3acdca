using System.Text.Json;

namespace EvoGrains.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    [Fact]
    public async Task Trains_each_loss_and_ce_with_the_same_seeds_and_compares()
    {
        var run = await CliRun.Of(
            "train", "--loss", "baikal", "--dataset", "synthetic", "--model", "mlp", "--steps", "60",
            "--seeds", "2", "--validation-size", "200", "--threads", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ce", "baikal"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows, r =>
        {
            Assert.Equal(2, r.GetProperty("runs").GetInt32());
            Assert.True(r.GetProperty("mean").GetDouble() > 0.5, $"{r.GetProperty("name")} should learn the synthetic set");
        });

        // CE has no p-value against itself: null, not the string "NaN".
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("pValueVsCe").ValueKind);
        Assert.Equal(JsonValueKind.Number, rows[1].GetProperty("pValueVsCe").ValueKind);
        Assert.Equal(4, run.Error.Split('\n').Count(l => l.Contains("seed ")));
    }

    [Fact]
    public async Task Zoo_losses_with_parameters_train_under_their_canonical_names()
    {
        var run = await CliRun.Of(
            "train", "--loss", " SCE( 0.1, 1 )", "--loss", "nce+rce", "--loss", "sce(0.1,1)", "--dataset", "synthetic", "--model", "mlp",
            "--steps", "20", "--seeds", "1", "--validation-size", "200", "--threads", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ce", "sce(0.1,1)", "nce+rce"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("isBaseline").GetBoolean()));
        Assert.Equal("1*nce", rows[2].GetProperty("loss").GetProperty("normalized").GetString());
    }

    [Fact]
    public async Task A_zoo_loss_with_a_bad_parameter_is_exit_2_before_training()
    {
        var run = await CliRun.Of("train", "--loss", "ls-ce(1)", "--dataset", "synthetic", "--model", "mlp", "--steps", "5", "--seeds", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("ls-ce(1): ls-ce's eps must be in [0, 1) (got 1)", run.Error);
        Assert.DoesNotContain("seed ", run.Error);
    }

    [Theory]
    [InlineData("--steps", "0", "--steps: must be between 1")]
    [InlineData("--dataset", "imagenet", "--dataset: Argument 'imagenet' not recognized. Must be one of: 'fashion-mnist' 'mnist'")]
    [InlineData("--model", "vit", "--model: Argument 'vit' not recognized. Must be one of: 'small-cnn' 'resnet9' 'mlp'")]
    [InlineData("--batch-size", "0", "--batch-size: must be between 1 and 4096")]
    [InlineData("--threads", "0", "--threads must be between 1 and 256 (got 0)")]
    [InlineData("--seeds", "0", "--seeds must be between 1 and 50")]
    [InlineData("--label-noise", "0.9", "--label-noise: must be between 0 and 0.8 (got 0.9)")]
    public async Task Bad_options_give_one_line_and_exit_2(string option, string value, string expected)
    {
        var run = await CliRun.Of("train", "--loss", "baikal", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public async Task A_missing_dataset_names_the_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "evograins-missing-" + Guid.NewGuid().ToString("N"));
        var run = await CliRun.Of("train", "--loss", "ce", "--data-path", folder, "--steps", "5", "--seeds", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("train-images-idx3-ubyte", run.Error);
        Assert.Single(run.ErrorLines);
    }
}
