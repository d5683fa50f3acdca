using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Tests.Trainer;

public sealed class SurrogateTrainerTests
{
    private static readonly DatasetCache Cache = new();

    private static TrainingRequest Tiny(string model = "mlp", int steps = 120) => new()
    {
        Dataset = DatasetSpec.SyntheticSet(
            new SyntheticOptions(Classes: 4, TrainCount: 1200, TestCount: 200, NoiseStd: 70)),
        Model = model,
        Steps = steps,
        BatchSize = 32,
        LearningRate = 2e-3,
        WarmupSteps = 10,
        Seed = 3,
        ValidationSize = 300,
        MaxThreads = 2,
        EvaluateTest = true,
    };

    [Fact]
    public void A_crop_flip_run_learns_and_differs_from_the_plain_run()
    {
        var request = Tiny("small-cnn", steps: 100) with { Augment = "crop-flip" };

        var augmented = new SurrogateTrainer(Cache).Train(request, new CrossEntropyTensorLoss());
        var repeated = new SurrogateTrainer(Cache).Train(request, new CrossEntropyTensorLoss());
        var plain = new SurrogateTrainer(Cache).Train(request with { Augment = "none" }, new CrossEntropyTensorLoss());

        Assert.Equal(TrainingStatus.Completed, augmented.Status);
        Assert.True(augmented.TestAccuracy > 0.5, $"test accuracy {augmented.TestAccuracy} (chance 0.25)");
        Assert.True(augmented.LossCurve.SequenceEqual(repeated.LossCurve), "the same seed trained another run");
        Assert.False(augmented.LossCurve.SequenceEqual(plain.LossCurve), "crop-flip changed nothing");
    }

    [Fact]
    public void An_unknown_augmentation_is_an_invalid_request()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SurrogateTrainer(Cache).Train(Tiny() with { Augment = "mixup" }, new CrossEntropyTensorLoss()));

        Assert.Equal("Augment", error.ParamName);
    }

    [Fact]
    public void Tiny_run_on_synthetic_data_beats_chance_clearly()
    {
        var progress = new List<TrainingProgress>();

        var result = new SurrogateTrainer(Cache).Train(Tiny() with { ProgressInterval = 40 }, new CrossEntropyTensorLoss(), new SyncProgress(progress));

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Null(result.FailureReason);
        Assert.True(result.ValidationAccuracy > 0.6, $"validation accuracy {result.ValidationAccuracy}");
        Assert.NotNull(result.TestAccuracy);
        Assert.True(result.TestAccuracy > 0.6, $"test accuracy {result.TestAccuracy}");
        Assert.Equal(120, result.StepsCompleted);
        Assert.True(double.IsFinite(result.FinalTrainingLoss));
        Assert.True(result.ImagesPerSecond > 0);
        Assert.Equal("cpu", result.Device);
        Assert.Equal(new[] { 40, 80, 120 }, progress.Select(p => p.Step));
    }

    [Fact]
    public void Small_cnn_with_sgd_learns_too()
    {
        var request = Tiny("small-cnn", steps: 80) with { Optimizer = OptimizerRegistry.Sgd.Name, LearningRate = 0.05 };

        var result = new SurrogateTrainer(Cache).Train(request, new CrossEntropyTensorLoss(0.1));

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.ValidationAccuracy > 0.5, $"validation accuracy {result.ValidationAccuracy}");
    }

    [Fact]
    public void Resnet9_trains_on_colour_images()
    {
        var colour = new SyntheticOptions(Classes: 3, TrainCount: 120, TestCount: 10, Channels: 3, Size: 32);
        var request = Tiny("resnet9", steps: 3) with { Dataset = DatasetSpec.SyntheticSet(colour), BatchSize = 4, ValidationSize = 20, WarmupSteps = 1, EvaluationBatchSize = 20 };

        var result = new SurrogateTrainer(Cache).Train(request, new CrossEntropyTensorLoss());

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.Equal(3, result.StepsCompleted);
        Assert.InRange(result.TestAccuracy!.Value, 0.0, 1.0);
    }

    [Fact]
    public void Invalid_requests_are_rejected_before_training()
    {
        var trainer = new SurrogateTrainer(Cache);

        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Train(Tiny() with { Steps = 0 }, new CrossEntropyTensorLoss()));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Train(Tiny() with { LearningRate = double.NaN }, new CrossEntropyTensorLoss()));
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Train(Tiny() with { ValidationSize = 5000 }, new CrossEntropyTensorLoss()));
        Assert.Throws<ArgumentException>(() => trainer.Train(Tiny("vgg"), new CrossEntropyTensorLoss()));
    }

    [Fact]
    public void Same_seed_gives_identical_accuracy_and_loss()
    {
        var trainer = new SurrogateTrainer(Cache);
        var request = Tiny("small-cnn", steps: 40) with { EvaluateTest = false };

        var a = trainer.Train(request, new CrossEntropyTensorLoss());
        var b = trainer.Train(request, new CrossEntropyTensorLoss());
        var c = trainer.Train(request with { Seed = 4 }, new CrossEntropyTensorLoss());

        Assert.Equal(a.ValidationAccuracy, b.ValidationAccuracy);
        Assert.Equal(a.FinalTrainingLoss, b.FinalTrainingLoss);
        Assert.NotEqual(a.FinalTrainingLoss, c.FinalTrainingLoss);
    }

    [Fact]
    public void NaN_loss_fails_with_a_reason_instead_of_throwing()
    {
        var result = new SurrogateTrainer(Cache).Train(Tiny(), TestLoss.NaN());

        Assert.Equal(TrainingStatus.Failed, result.Status);
        Assert.Contains("non-finite loss", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, result.StepsCompleted);
        Assert.Equal(0.0, result.ValidationAccuracy);
        Assert.Null(result.TestAccuracy);
    }

    [Fact]
    public void Exploding_weights_fail_with_a_reason()
    {
        var result = new SurrogateTrainer(Cache).Train(Tiny() with { LearningRate = 1.0, Optimizer = OptimizerRegistry.Sgd.Name, MaxParameterNorm = 1e4, ParameterCheckInterval = 1 }, TestLoss.Unbounded());

        Assert.Equal(TrainingStatus.Failed, result.Status);
        Assert.Matches("exploding weights|non-finite", result.FailureReason);
        Assert.True(result.StepsCompleted < 120);
    }

    [Theory]
    [InlineData("throws", "threw InvalidOperationException")]
    [InlineData("vector", "expected a scalar")]
    public void Broken_losses_fail_with_a_reason(string kind, string reason)
    {
        var loss = kind == "throws" ? TestLoss.Throwing() : TestLoss.NotScalar();

        var result = new SurrogateTrainer(Cache).Train(Tiny(), loss);

        Assert.Equal(TrainingStatus.Failed, result.Status);
        Assert.Contains(reason, result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EarlyStopMetric.Validation)]
    [InlineData(EarlyStopMetric.Training)]
    public void Early_stop_fires_below_the_floor_and_not_above(EarlyStopMetric metric)
    {
        var trainer = new SurrogateTrainer(Cache);

        var stopped = trainer.Train(Tiny() with { EarlyStop = new EarlyStopRule(20, 0.2, metric) }, TestLoss.Inverted());
        var kept = trainer.Train(Tiny() with { EarlyStop = new EarlyStopRule(20, 0.3, metric) }, new CrossEntropyTensorLoss());

        Assert.Equal(TrainingStatus.EarlyStopped, stopped.Status);
        Assert.Equal(20, stopped.StepsCompleted);
        Assert.Contains("below floor 0.2 at step 20", stopped.FailureReason, StringComparison.Ordinal);
        Assert.InRange(stopped.ValidationAccuracy, 0.0, 0.2);
        Assert.Equal(TrainingStatus.Completed, kept.Status);
        Assert.Equal(120, kept.StepsCompleted);
    }

    [Theory]
    [InlineData("mlp", false)]
    [InlineData("small-cnn", true)]
    [InlineData("small-cnn", false)]
    public void A_run_leaves_no_live_tensors_behind(string model, bool failing)
    {
        var trainer = new SurrogateTrainer(Cache);
        var request = Tiny(model, steps: 30) with { EarlyStop = new EarlyStopRule(10, 0.0), ParameterCheckInterval = 5 };
        ITensorLoss loss = failing ? TestLoss.NaN() : new CrossEntropyTensorLoss();
        trainer.Train(request, loss);
        var statistics = TorchSharp.DisposeScopeManager.Statistics;
        var before = statistics.ThreadTotalLiveCount;

        trainer.Train(request, loss);

        Assert.Equal(before, statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Cancellation_is_checked_between_steps()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => new SurrogateTrainer(Cache).Train(Tiny(), new CrossEntropyTensorLoss(), cancellationToken: cts.Token));
    }

    [Fact]
    public void Missing_dataset_throws_the_domain_exception()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<DatasetException>(() => new SurrogateTrainer().Train(Tiny() with { Dataset = DatasetSpec.FashionMnist(dir.Path) }, new CrossEntropyTensorLoss()));

        Assert.Contains(dir.Path, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and on time.</summary>
    private sealed class SyncProgress(List<TrainingProgress> sink) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => sink.Add(value);
    }
}
