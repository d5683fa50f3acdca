using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Tests.Fidelity;

public sealed class EvaluatorRunsTests
{
    /// <summary>Fails its first <c>failures</c> batches with a native-looking error, then scores every loss 0.5.</summary>
    private sealed class FlakyEvaluator(int failures) : IFitnessEvaluator
    {
        private int calls;

        public Task<EvaluationResult> EvaluateAsync(LossFunction loss, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) <= failures
                ? throw new System.Runtime.InteropServices.ExternalException("Expected false to be true\nframe #0: ...")
                : Task.FromResult(new EvaluationResult(0.5, EvaluationStatus.Completed, 1));
    }

    private static readonly LossFunction[] Losses = [LossZoo.CrossEntropy, LossZoo.Get("focal")];
    private static readonly TrainerSpec OneTrainer = new() { Count = 1, PackSize = 1 };

    [Fact]
    public async Task A_batch_that_throws_once_is_tried_again()
    {
        var results = await EvaluatorRuns.TrainAsync([new FlakyEvaluator(failures: 1)], Losses, OneTrainer, null, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(0.5, r[0].Fitness));
    }

    [Fact]
    public async Task A_batch_that_keeps_throwing_fails_its_losses_with_the_first_line_of_the_error_and_the_rest_go_on()
    {
        var results = await EvaluatorRuns.TrainAsync([new FlakyEvaluator(failures: 2)], Losses, OneTrainer, null, CancellationToken.None);

        Assert.Equal(EvaluationStatus.Failed, results[0][0].Status);
        Assert.Equal("ExternalException: Expected false to be true", results[0][0].Failure);
        Assert.Equal(0.5, results[1][0].Fitness);
    }
}
