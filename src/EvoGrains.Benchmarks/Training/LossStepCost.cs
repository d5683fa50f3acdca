namespace EvoGrains.Benchmarks.Training;

/// <summary>One loss's training throughput in the training benchmark, best of its rounds.</summary>
/// <param name="Loss">The zoo name; "ce" twice: libtorch's native cross_entropy (<paramref name="Native"/>) and the
/// compiled zoo CE.</param>
/// <param name="RatioToNativeCe">The loss's step time over native CE's (CE images/s over the loss's).</param>
public sealed record LossStepCost(string Loss, bool Native, double ImagesPerSecond, double RatioToNativeCe);
