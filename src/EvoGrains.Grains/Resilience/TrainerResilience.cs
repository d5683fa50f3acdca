using EvoGrains.Core.Search;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace EvoGrains.Grains.Resilience;

/// <summary>
/// Builds the Polly pipelines trainers use. The queue-call pipeline is shared; every trainer
/// activation builds its own evaluation pipeline so its circuit breaker benches only that trainer.
/// </summary>
public sealed class TrainerResilience
{
    private readonly TrainerResilienceOptions options;

    public TrainerResilience(IOptions<TrainerResilienceOptions> options)
    {
        this.options = options.Value;
        QueueCalls = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransientCallFailure),
                MaxRetryAttempts = this.options.QueueCallRetries,
                Delay = this.options.QueueCallRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    public TrainerResilienceOptions Options => options;

    /// <summary>Retries calls to the queue grain while a silo is failing over.</summary>
    public ResiliencePipeline QueueCalls { get; }

    /// <summary>
    /// Timeout over a whole pack of jobs, retry with exponential backoff, then a circuit breaker owned by one
    /// trainer. Callers await it on the grain's scheduler: a back-off is a timer, never a blocked thread.
    /// </summary>
    public ResiliencePipeline<IReadOnlyList<EvaluationResult>> CreateEvaluationPipeline() =>
        new ResiliencePipelineBuilder<IReadOnlyList<EvaluationResult>>()
            .AddTimeout(options.JobTimeout)
            .AddRetry(new RetryStrategyOptions<IReadOnlyList<EvaluationResult>>
            {
                ShouldHandle = new PredicateBuilder<IReadOnlyList<EvaluationResult>>()
                    .Handle<Exception>(IsTransientEvaluationFailure),
                MaxRetryAttempts = Math.Max(1, options.EvaluationRetries),
                Delay = options.EvaluationRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<EvaluationResult>>
            {
                ShouldHandle = new PredicateBuilder<IReadOnlyList<EvaluationResult>>()
                    .Handle<Exception>(e => e is not OperationCanceledException),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .Build();

    // Only faults that can pass: a read from a data volume, memory on the host, and what the GPU reports (CUDA says
    // "out of memory" when another process holds the device, and its other errors are the device's, which the breaker
    // benches the trainer for). Anything else fails the same way again, and a retry that succeeds would hide a defect
    // (a libtorch check that fired once in a few dozen runs once did): the job fails with the error.
    private static bool IsTransientEvaluationFailure(Exception error) =>
        error is IOException or OutOfMemoryException
        || (error is System.Runtime.InteropServices.ExternalException
            && (error.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
                || error.Message.StartsWith("CUDA error", StringComparison.Ordinal)));

    /// <summary>A grain call that failed because a silo is failing over or membership still settles.</summary>
    internal static bool IsTransientCallFailure(Exception error) =>
        error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;
}
