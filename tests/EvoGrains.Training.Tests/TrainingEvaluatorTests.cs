using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Tests;

/// <summary>The final stage's test round: a job measured on the test set reports the test accuracy, one or packed.</summary>
public sealed class TrainingEvaluatorTests
{
    private static readonly DatasetCache Cache = new();

    private static readonly EvaluationSpec Spec = new()
    {
        Dataset = "synthetic",
        Model = "mlp",
        Steps = 3,
        BatchSize = 32,
        WarmupSteps = 1,
        LearningRate = 1e-4,
        TrainSubset = 0,
        ValidationSize = 300,
    };

    [Fact]
    public async Task Measuring_on_the_test_set_reports_the_trainers_test_accuracy_and_validation_stays_the_default()
    {
        var direct = new SurrogateTrainer(Cache).Train(
            TrainingEvaluator.ToRequest(Spec, 3, 2) with { EvaluateTest = true }, new CompiledTensorLoss(LossZoo.CrossEntropy));

        var validation = await new TrainingEvaluator(Spec, 3, 2, Cache).EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None);
        var test = await new TrainingEvaluator(Spec with { MeasureOnTestSet = true }, 3, 2, Cache).EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None);
        var packed = await new TrainingEvaluator(Spec with { MeasureOnTestSet = true }, 3, 2, Cache)
            .EvaluateBatchAsync([new EvaluationCandidate(LossZoo.CrossEntropy)], CancellationToken.None);

        Assert.NotNull(direct.TestAccuracy);
        Assert.NotEqual(direct.ValidationAccuracy, direct.TestAccuracy!.Value);
        Assert.Equal(direct.ValidationAccuracy, validation.Fitness);
        Assert.Equal(direct.TestAccuracy.Value, test.Fitness);
        Assert.Equal(direct.TestAccuracy.Value, packed.Single().Fitness);
    }

    [Fact]
    public async Task With_several_seeds_each_candidate_is_the_mean_over_the_same_seeds_alone_or_packed()
    {
        var twoSeeds = Spec with { Seeds = 2 };
        EvaluationCandidate[] candidates = [new(LossZoo.CrossEntropy), new(LossZoo.Get("focal"))];

        var packed = await new TrainingEvaluator(twoSeeds, 3, 2, Cache).EvaluateBatchAsync(candidates, CancellationToken.None);
        for (var i = 0; i < candidates.Length; i++)
        {
            var alone = new List<EvaluationResult>();
            foreach (var seed in new[] { 3, 4 })
            {
                alone.Add(await new TrainingEvaluator(Spec, seed, 2, Cache).EvaluateAsync(candidates[i].Loss, CancellationToken.None));
            }

            Assert.Equal(2, packed[i].Seeds);
            Assert.Equal(alone.Average(r => r.Fitness), packed[i].Fitness, 3);
            Assert.Equal(SampleSummary.Of(alone.Select(r => r.Fitness)).StandardDeviation, packed[i].Spread, 3);
        }

        var single = await new TrainingEvaluator(twoSeeds, 3, 2, Cache).EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None);
        Assert.Equal(packed[0].Fitness, single.Fitness, 3);
        Assert.Contains(packed, r => r.Spread > 0);
    }

    [Fact]
    public async Task The_specs_label_noise_reaches_the_training_labels_one_or_packed()
    {
        var noisy = Spec with { LabelNoise = 0.5 };
        Assert.Equal(0.5, TrainingEvaluator.ToRequest(noisy, 3, 2).LabelNoise);

        var clean = await new TrainingEvaluator(Spec, 3, 2, Cache).EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None);
        var one = await new TrainingEvaluator(noisy, 3, 2, Cache).EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None);
        var packed = await new TrainingEvaluator(noisy, 3, 2, Cache).EvaluateBatchAsync([new EvaluationCandidate(LossZoo.CrossEntropy)], CancellationToken.None);

        // Same seed and images: only the training labels differ, so the training loss must.
        Assert.NotEqual(clean.TrainingLoss, one.TrainingLoss);
        Assert.Equal(one.Fitness, packed.Single().Fitness);
    }

    [Fact]
    public async Task Missing_data_fails_one_candidate_or_a_pack_permanently_naming_the_file()
    {
        using var dir = new TempDirectory();
        var evaluator = new TrainingEvaluator(Spec with { Dataset = "fashion-mnist", DataPath = dir.Path }, 3, 1);

        var one = await Assert.ThrowsAsync<DatasetException>(() => evaluator.EvaluateAsync(LossZoo.CrossEntropy, CancellationToken.None));
        var pack = await Assert.ThrowsAsync<DatasetException>(() => evaluator.EvaluateBatchAsync(
            [new EvaluationCandidate(LossZoo.CrossEntropy), new EvaluationCandidate(LossZoo.Get("focal"))], CancellationToken.None));

        // Trainers recognise the Core type: retrying cannot bring the file back.
        Assert.All(new Exception[] { one, pack }, e => Assert.IsAssignableFrom<PermanentEvaluationException>(e));
        Assert.Contains(dir.Path, one.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, pack.Message, StringComparison.Ordinal);
    }
}
