using System.Diagnostics;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Resilience;
using Microsoft.Extensions.Options;

namespace EvoGrains.Grains.Tests.Resilience;

public sealed class TrainerResilienceTests
{
    [Fact]
    public async Task A_retry_back_off_is_awaited_and_never_blocks_the_calling_thread()
    {
        var options = new TrainerResilienceOptions { EvaluationRetries = 1, EvaluationRetryDelay = TimeSpan.FromSeconds(2) };
        var pipeline = new TrainerResilience(Options.Create(options)).CreateEvaluationPipeline();
        var attempts = 0;
        var watch = Stopwatch.StartNew();

        var evaluation = pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts == 1
                ? throw new IOException("transient")
                : ValueTask.FromResult<IReadOnlyList<EvaluationResult>>([new EvaluationResult(0.7, EvaluationStatus.Completed, 1)]);
        }).AsTask();
        var returnedAfter = watch.Elapsed;

        Assert.False(evaluation.IsCompleted, "the caller is handed a pending task during the back-off");
        Assert.True(returnedAfter < TimeSpan.FromSeconds(1), $"the call returned after {returnedAfter.TotalMilliseconds:F0} ms");
        var results = await evaluation;
        Assert.Equal(2, attempts);
        Assert.Equal(0.7, results.Single().Fitness);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Only_faults_that_can_pass_are_retried(bool outOfMemory)
    {
        var options = new TrainerResilienceOptions { EvaluationRetries = 2, EvaluationRetryDelay = TimeSpan.FromMilliseconds(1) };
        var pipeline = new TrainerResilience(Options.Create(options)).CreateEvaluationPipeline();
        var attempts = 0;
        var message = outOfMemory ? "CUDA out of memory. Tried to allocate 20.00 MiB" : "Expected false to be true, but got false.";

        var evaluation = pipeline.ExecuteAsync<IReadOnlyList<EvaluationResult>>(_ =>
        {
            attempts++;
            return attempts == 1
                ? throw new System.Runtime.InteropServices.ExternalException(message)
                : ValueTask.FromResult<IReadOnlyList<EvaluationResult>>([new EvaluationResult(0.7, EvaluationStatus.Completed, 1)]);
        }).AsTask();

        if (outOfMemory)
        {
            Assert.Equal(0.7, (await evaluation).Single().Fitness);
            Assert.Equal(2, attempts);
        }
        else
        {
            await Assert.ThrowsAsync<System.Runtime.InteropServices.ExternalException>(() => evaluation);
            Assert.Equal(1, attempts);
        }
    }
}
