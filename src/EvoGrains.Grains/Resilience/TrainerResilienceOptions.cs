namespace EvoGrains.Grains.Resilience;

/// <summary>
/// Polly settings for trainers: per-job timeout, retries of transient failures, and the per-trainer circuit breaker.
/// </summary>
public sealed class TrainerResilienceOptions
{
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(2);

    public int EvaluationRetries { get; set; } = 2;

    public TimeSpan EvaluationRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public int QueueCallRetries { get; set; } = 4;

    public TimeSpan QueueCallRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Share of failed evaluator calls within <see cref="SamplingDuration"/> that benches the trainer.
    /// </summary>
    public double BreakerFailureRatio { get; set; } = 0.8;

    public int BreakerMinimumThroughput { get; set; } = 5;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a benched trainer stops leasing jobs.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
