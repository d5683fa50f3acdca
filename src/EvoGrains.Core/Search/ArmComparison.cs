using MathNet.Numerics.Distributions;

namespace EvoGrains.Core.Search;

/// <summary>
/// The comparison table of a final stage or of <c>evograins train</c>: every arm's runs by seed index
/// against CE and against the best baseline (the baseline with the highest mean). Seed i of every arm uses
/// the same seed, so the paired test compares run i with run i.
/// </summary>
public static class ArmComparison
{
    public const string CrossEntropy = "ce";

    /// <param name="arms">The losses; one must be the CE baseline.</param>
    /// <param name="runs">For each arm, its results by seed index (null: no result for that seed).</param>
    public static IReadOnlyList<ComparisonRow> Compare(
        IReadOnlyList<ComparisonArm> arms,
        IReadOnlyList<IReadOnlyList<EvaluationResult?>> runs)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(runs.Count, arms.Count);
        var reference = IndexOf(arms, a => a.IsBaseline && a.Name == CrossEntropy);
        if (reference < 0)
        {
            throw new ArgumentException("a comparison needs the CE baseline", nameof(arms));
        }

        var summaries = runs.Select(r => SampleSummary.Of(r.Select(Metric).OfType<double>())).ToList();
        var best = Enumerable.Range(0, arms.Count)
            .Where(i => arms[i].IsBaseline && summaries[i].Count > 0)
            .OrderByDescending(i => summaries[i].Mean)
            .DefaultIfEmpty(reference)
            .First();
        return Rows(arms, runs, reference, best);
    }

    /// <summary>
    /// The same rows without a reference (an elimination round of evolved losses only): every p-value is NaN.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> Rank(
        IReadOnlyList<ComparisonArm> arms,
        IReadOnlyList<IReadOnlyList<EvaluationResult?>> runs)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(runs.Count, arms.Count);
        return Rows(arms, runs, -1, -1);
    }

    /// <summary>The 95% confidence interval's half-width of the mean (Student t); NaN below two runs.</summary>
    public static double HalfWidth(SampleSummary summary) =>
        summary.Count < 2
            ? double.NaN
            : StudentT.InvCDF(0, 1, summary.Count - 1, 0.975) * summary.StandardDeviation / Math.Sqrt(summary.Count);

    private static IReadOnlyList<ComparisonRow> Rows(
        IReadOnlyList<ComparisonArm> arms, IReadOnlyList<IReadOnlyList<EvaluationResult?>> runs, int reference,
        int best)
    {
        var bySeed = runs.Select(r => (IReadOnlyList<double?>)r.Select(Metric).ToList()).ToList();
        var summaries = bySeed.Select(v => SampleSummary.Of(v.OfType<double>())).ToList();
        double Welch(int i, int against) =>
            against < 0 || i == against ? double.NaN : WelchTTest.Compare(summaries[i], summaries[against]).PValue;
        double Paired(int i, int against) =>
            against < 0 || i == against ? double.NaN : PairedTTest.Compare(bySeed[i], bySeed[against]).PValue;
        return arms.Select((arm, i) =>
        {
            var done = runs[i].OfType<EvaluationResult>().ToList();
            return new ComparisonRow
            {
                Name = arm.Name,
                IsBaseline = arm.IsBaseline,
                Expression = arm.Expression,
                Loss = arm.Loss,
                Fitnesses = bySeed[i].OfType<double>().ToList(),
                Mean = summaries[i].Mean,
                StandardDeviation = summaries[i].StandardDeviation,
                ConfidenceHalfWidth = HalfWidth(summaries[i]),
                PValueVsCe = Welch(i, reference),
                PairedPValueVsCe = Paired(i, reference),
                PValueVsBestBaseline = Welch(i, best),
                PairedPValueVsBestBaseline = Paired(i, best),
                SecondsPerRun = done.Count == 0 ? double.NaN : done.Average(r => r.Seconds),
                FailedRuns = done.Count(r => r.Status == EvaluationStatus.Failed),
            };
        }).ToList();
    }

    // A failed run counts with its fitness (0): a loss that diverges is worse, not absent.
    private static double? Metric(EvaluationResult? result) =>
        result is { } r && double.IsFinite(r.Fitness) ? r.Fitness : null;

    private static int IndexOf(IReadOnlyList<ComparisonArm> arms, Func<ComparisonArm, bool> match)
    {
        for (var i = 0; i < arms.Count; i++)
        {
            if (match(arms[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
