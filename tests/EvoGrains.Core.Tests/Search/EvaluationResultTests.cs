using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class EvaluationResultTests
{
    private static EvaluationResult Fit(double fitness, EvaluationStatus status = EvaluationStatus.Completed) => new(fitness, status, 2, null, fitness / 10);

    [Fact]
    public void Over_seeds_is_the_mean_with_the_sample_spread_and_summed_time()
    {
        var result = EvaluationResult.OverSeeds([Fit(0.80), Fit(0.82), Fit(0.84)]);

        Assert.Equal(0.82, result.Fitness, 12);
        Assert.Equal(0.02, result.Spread, 12);
        Assert.Equal(3, result.Seeds);
        Assert.Equal(6, result.Seconds);
        Assert.Equal(0.082, result.TrainingLoss, 12);
        Assert.Equal(EvaluationStatus.Completed, result.Status);
    }

    [Fact]
    public void One_seed_is_that_result_with_no_spread()
    {
        var single = Fit(0.8);

        Assert.Same(single, EvaluationResult.OverSeeds([single]));
        Assert.True(double.IsNaN(single.Spread));
    }

    [Fact]
    public void A_loss_failing_on_any_seed_fails_with_that_seeds_reason_and_an_early_stop_marks_the_whole()
    {
        var failed = EvaluationResult.OverSeeds([Fit(0.8), EvaluationResult.Failed("NaN loss at step 40") with { Permanent = true }]);
        Assert.Equal(EvaluationStatus.Failed, failed.Status);
        Assert.Equal("seed 2 of 2: NaN loss at step 40", failed.Failure);
        Assert.True(failed.Permanent);
        Assert.Equal(0, failed.Fitness);

        Assert.Equal(EvaluationStatus.EarlyStopped, EvaluationResult.OverSeeds([Fit(0.8), Fit(0.1, EvaluationStatus.EarlyStopped)]).Status);
        Assert.Same(EvaluationCandidate.WithdrawnResult, EvaluationResult.OverSeeds([Fit(0.8), EvaluationCandidate.WithdrawnResult]));
    }
}
