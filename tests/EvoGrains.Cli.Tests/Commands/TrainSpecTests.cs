using System.CommandLine;
using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Commands;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Commands;

/// <summary>`train --spec`: a spec's evaluation settings, options given on the command line still win; without a spec, a spec's defaults.</summary>
public sealed class TrainSpecTests : IDisposable
{
    private readonly string folder = TinySpecs.TempFolder();

    private static readonly SearchSpec Spec = new()
    {
        Name = "train-spec",
        Evaluation = new EvaluationSpec
        {
            Dataset = "synthetic",
            Model = "mlp",
            Steps = 40,
            BatchSize = 32,
            LearningRate = 0.003,
            Optimizer = "sgd",
            WarmupSteps = 4,
            TrainSubset = 600,
            ValidationSize = 200,
            LabelNoise = 0.2,
            EarlyStopStep = 10,
            EarlyStopAccuracy = 0.05,
        },
        Trainers = new TrainerSpec { Count = 2 },
    };

    [Fact]
    public void Without_a_spec_train_uses_a_specs_defaults()
    {
        var (evaluation, threads) = Read();

        Assert.Equal(new EvaluationSpec(), evaluation);
        Assert.Equal(Environment.ProcessorCount, threads);
    }

    [Fact]
    public void A_spec_gives_every_setting_and_the_threads_of_a_local_runs_trainer()
    {
        var (evaluation, threads) = Read("--spec", Write(Spec));

        Assert.Equal(Spec.Evaluation, evaluation);
        Assert.Equal(EmbeddedSilo.TrainingThreads(Spec), threads);
    }

    [Fact]
    public void Options_given_override_the_spec()
    {
        var (evaluation, threads) = Read(
            "--spec", Write(Spec), "--steps", "30", "--batch-size", "16", "--lr", "0.01", "--optimizer", "adam", "--warmup", "2", "--train-subset", "0",
            "--validation-size", "100", "--label-noise", "0", "--model", "small-cnn", "--dataset", "mnist", "--data-path", "/data", "--threads", "1");

        Assert.Equal(
            Spec.Evaluation with
            {
                Steps = 30,
                BatchSize = 16,
                LearningRate = 0.01,
                Optimizer = "adam",
                WarmupSteps = 2,
                TrainSubset = 0,
                ValidationSize = 100,
                LabelNoise = 0,
                Model = "small-cnn",
                Dataset = "mnist",
                DataPath = "/data",
            },
            evaluation);
        Assert.Equal(1, threads);
    }

    [Fact]
    public void A_spec_with_rungs_trains_its_last_rung_and_a_short_run_warms_up_at_most_its_steps()
    {
        var rungs = Spec with { Evaluation = Spec.Evaluation with { Rungs = [new RungSpec { Steps = 20, Seeds = 1 }, new RungSpec { Steps = 60, Seeds = 2 }] } };

        Assert.Equal(60, Read("--spec", Write(rungs)).Evaluation.Steps);
        Assert.Empty(Read("--spec", Write(rungs)).Evaluation.Rungs);
        Assert.Equal(5, Read("--steps", "5").Evaluation.WarmupSteps);
    }

    [Theory]
    [InlineData("--warmup 50 --steps 10", "evograins: the options given disagree: evaluation.warmupSteps: must be between 0 and 10 (got 50)")]
    [InlineData("--spec {spec} --steps 8", "evograins: {spec} with the options given: evaluation.earlyStopStep: must be between 0 and 8 (got 10)")]
    [InlineData("--spec {synthetic}", "evograins: {synthetic}: evaluation.evaluator: train trains real models, so it needs \"training\" (got \"synthetic\")")]
    [InlineData("--optimizer rmsprop", "evograins: --optimizer: Argument 'rmsprop' not recognized. Must be one of: 'adam' 'sgd' (see --help)")]
    public async Task Settings_that_contradict_each_other_are_one_line_and_exit_2(string options, string expected)
    {
        var spec = Write(Spec);
        var synthetic = Write(Spec with { Evaluation = Spec.Evaluation with { Evaluator = "synthetic" } }, "synthetic.json");
        string[] args = [.. options.Replace("{spec}", spec, StringComparison.Ordinal).Replace("{synthetic}", synthetic, StringComparison.Ordinal).Split(' ')];

        var run = await CliRun.Of(["train", "--loss", "baikal", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected.Replace("{spec}", spec, StringComparison.Ordinal).Replace("{synthetic}", synthetic, StringComparison.Ordinal), Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Train_trains_with_the_specs_settings_and_a_flag_overrides_one()
    {
        var spec = Write(Spec with { Evaluation = Spec.Evaluation with { Steps = 30, EarlyStopStep = 0 } });

        var run = await CliRun.Of("train", "--loss", "baikal", "--spec", spec, "--steps", "12", "--seeds", "1", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            $"train: synthetic, mlp, 12 steps x batch 32, sgd lr 0.003 warm-up 4, 600 training images, 200 validation, label noise 0.2, augment none; 1 seed(s) per loss, {EmbeddedSilo.TrainingThreads(Spec)} libtorch thread(s)",
            run.ErrorLines[0]);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ce", "baikal"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.All(rows, r => Assert.Equal(0, r.GetProperty("failedRuns").GetInt32()));
    }

    private static (EvaluationSpec Evaluation, int Threads) Read(params string[] args)
    {
        var options = new TrainEvaluationOptions();
        var command = new Command("train");
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Read(parse);
    }

    private string Write(SearchSpec spec, string name = "spec.json")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, SearchSpecJson.Write(spec));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
