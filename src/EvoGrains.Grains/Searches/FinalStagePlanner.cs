using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Grains.Searches;

/// <summary>
/// The final stage (METHODS.md §6): which losses to retrain, the job of each (arm, seed), and the
/// comparison table. CE is always an arm because every p-value is taken against it.
/// </summary>
public static class FinalStagePlanner
{
    public const string CrossEntropy = "ce";

    public static IReadOnlyList<FinalArmPlan> Plan(FinalStageSpec final, IEnumerable<HallOfFameRecord> hallOfFame)
    {
        var arms = hallOfFame.Take(final.TopK).Select(h => new FinalArmPlan(h.Hash, false, h.Expression, h.Loss)).ToList();
        var baselines = final.Baselines.Any(b => string.Equals(b, CrossEntropy, StringComparison.OrdinalIgnoreCase))
            ? final.Baselines
            : final.Baselines.Prepend(CrossEntropy);
        foreach (var name in baselines.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var loss = LossZoo.Get(name);
            arms.Add(new FinalArmPlan(name.ToLowerInvariant(), true, loss.ToString(), LossText.From(loss)));
        }

        return arms;
    }

    public static string JobId(int arm, int seedIndex) => string.Create(CultureInfo.InvariantCulture, $"final:{arm}:{seedIndex}");

    /// <summary>Seeds differ from the search's so the final runs are fresh draws.</summary>
    public static int Seed(SearchSpec spec, int seedIndex) => spec.Seed + 1000 + seedIndex;

    public static IEnumerable<EvaluationJob> Jobs(string searchId, SearchSpec spec, IReadOnlyList<FinalArmPlan> arms) =>
        from arm in Enumerable.Range(0, arms.Count)
        from seed in Enumerable.Range(0, spec.FinalStage.Seeds)
        select new EvaluationJob(JobId(arm, seed), searchId, JobKind.Final, arms[arm].Name, arms[arm].Loss, spec.FinalStage.Steps, Seed(spec, seed), spec.Trainers.LeaseSeconds);

    public static FinalComparison Compare(FinalStageSpec final, IReadOnlyList<FinalArmPlan> arms, IReadOnlyDictionary<string, EvaluationOutcome> results, DateTimeOffset completedAt)
    {
        var outcomes = arms.Select((_, arm) => Enumerable.Range(0, final.Seeds)
            .Select(seed => results.GetValueOrDefault(JobId(arm, seed)))
            .OfType<EvaluationOutcome>()
            .ToList()).ToList();
        var fitnesses = outcomes.Select(runs => runs.Select(o => o.Fitness).Where(double.IsFinite).ToList()).ToList();
        var summaries = fitnesses.Select(SampleSummary.Of).ToList();
        var reference = arms.ToList().FindIndex(a => a.IsBaseline && a.Name == CrossEntropy);
        var rows = arms.Select((arm, i) =>
        {
            var test = i == reference ? new WelchTTestResult(double.NaN, double.NaN, double.NaN) : WelchTTest.Compare(summaries[i], summaries[reference]);
            var runs = outcomes[i];
            return new FinalArm(
                arm.Name, arm.IsBaseline, arm.Expression, arm.Loss, fitnesses[i], summaries[i].Mean, summaries[i].StandardDeviation, test.T, test.PValue,
                runs.Count == 0 ? double.NaN : runs.Average(o => o.Seconds),
                runs.Count(o => o.Status == OutcomeStatus.Failed));
        }).ToList();
        return new FinalComparison(final.Steps, final.Seeds, rows, completedAt);
    }
}
