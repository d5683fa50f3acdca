using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// The final stage (METHODS.md §6): which losses to retrain, the job of each (arm, seed), and the
/// comparison table. CE is always an arm because every p-value is taken against it.
/// </summary>
public static class FinalStagePlanner
{
    public static IReadOnlyList<ComparisonArm> Plan(FinalStageSpec final, IEnumerable<HallOfFameEntry> hallOfFame)
    {
        var arms = hallOfFame.Take(final.TopK).Select(h => new ComparisonArm(h.Hash, false, h.Expression, h.Loss)).ToList();
        var baselines = final.Baselines.Any(b => string.Equals(b, ArmComparison.CrossEntropy, StringComparison.OrdinalIgnoreCase))
            ? final.Baselines
            : final.Baselines.Prepend(ArmComparison.CrossEntropy);
        arms.AddRange(baselines.Distinct(StringComparer.OrdinalIgnoreCase).Select(ComparisonArm.Baseline));
        return arms;
    }

    public static string JobId(int arm, int seedIndex) => string.Create(CultureInfo.InvariantCulture, $"final:{arm}:{seedIndex}");

    /// <summary>Seeds differ from the search's so the final runs are fresh draws.</summary>
    public static int Seed(SearchSpec spec, int seedIndex) => spec.Seed + 1000 + seedIndex;

    public static IEnumerable<EvaluationJob> Jobs(string searchId, SearchSpec spec, IReadOnlyList<ComparisonArm> arms) =>
        from arm in Enumerable.Range(0, arms.Count)
        from seed in Enumerable.Range(0, spec.FinalStage.Seeds)
        select new EvaluationJob(JobId(arm, seed), searchId, JobKind.Final, arms[arm].Name, arms[arm].Loss, spec.FinalStage.Steps, Seed(spec, seed), spec.Trainers.LeaseSeconds);

    public static FinalComparison Compare(FinalStageSpec final, IReadOnlyList<ComparisonArm> arms, IReadOnlyDictionary<string, EvaluationResult> results, DateTimeOffset completedAt)
    {
        var runs = arms.Select((_, arm) => (IReadOnlyList<EvaluationResult?>)Enumerable.Range(0, final.Seeds)
            .Select(seed => results.GetValueOrDefault(JobId(arm, seed)))
            .ToList()).ToList();
        return new FinalComparison(final.Steps, final.Seeds, ArmComparison.Compare(arms, runs), completedAt);
    }
}
