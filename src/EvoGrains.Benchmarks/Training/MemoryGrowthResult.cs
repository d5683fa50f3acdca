namespace EvoGrains.Benchmarks.Training;

/// <summary>Resident set size after each of several consecutive evaluations.</summary>
/// <param name="RssKilobytes">VmRSS after each evaluation, in order.</param>
/// <param name="WarmupEvaluations">Evaluations allowed to grow memory (allocator pools, JIT, caches).</param>
/// <param name="GrowthAfterWarmupKilobytes">RSS after the last evaluation minus RSS after the warm-up ones.</param>
public sealed record MemoryGrowthResult(IReadOnlyList<long> RssKilobytes, int WarmupEvaluations, long GrowthAfterWarmupKilobytes);
