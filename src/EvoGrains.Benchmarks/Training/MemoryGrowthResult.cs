namespace EvoGrains.Benchmarks.Training;

/// <summary>Resident set size after each of several consecutive runs (an evaluation, or a pack of them).</summary>
/// <param name="RssKilobytes">VmRSS after each run, in order.</param>
/// <param name="WarmupEvaluations">Runs allowed to grow memory (allocator pools, JIT, caches).</param>
/// <param name="GrowthAfterWarmupKilobytes">RSS after the last run minus RSS after the warm-up ones.</param>
/// <param name="EvaluationsPerRun">Evaluations in one run: 1, or the pack's members.</param>
public sealed record MemoryGrowthResult(
    IReadOnlyList<long> RssKilobytes,
    int WarmupEvaluations,
    long GrowthAfterWarmupKilobytes,
    int EvaluationsPerRun = 1)
{
    public int Evaluations => RssKilobytes.Count * EvaluationsPerRun;

    public long AfterWarmupKilobytes => RssKilobytes[WarmupEvaluations - 1];

    public long EndKilobytes => RssKilobytes[^1];

    /// <summary>Growth after the warm-up as a fraction of the RSS then.</summary>
    public double Growth => (double)GrowthAfterWarmupKilobytes / AfterWarmupKilobytes;

    /// <summary>
    /// The evaluation the second half starts at: an allocator settling stops growing there, a leak does not.
    /// </summary>
    public int SecondHalfStartEvaluation => RssKilobytes.Count / 2 * EvaluationsPerRun;

    public long SecondHalfStartKilobytes => RssKilobytes[RssKilobytes.Count / 2];

    public double SecondHalfGrowth => (double)(EndKilobytes - SecondHalfStartKilobytes) / SecondHalfStartKilobytes;
}
