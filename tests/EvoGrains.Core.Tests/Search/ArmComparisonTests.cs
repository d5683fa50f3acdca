using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class ArmComparisonTests
{
    private static readonly ComparisonArm Evolved = new("abc123", false, "-(y * log(p + p))", LossText.From(LossZoo.CrossEntropy));

    [Fact]
    public void Compares_every_arm_with_CE_and_with_the_best_baseline()
    {
        ComparisonArm[] arms = [Evolved, ComparisonArm.Baseline("ce"), ComparisonArm.Baseline("focal")];
        var rows = ArmComparison.Compare(arms, [Runs(0.93, 0.95, 0.94), Runs(0.90, 0.92, 0.91), Runs(0.92, 0.93, 0.925)]);

        var evolved = rows[0];
        Assert.Equal(0.94, evolved.Mean, 12);
        Assert.Equal(WelchTTest.Compare([0.93, 0.95, 0.94], [0.90, 0.92, 0.91]).PValue, evolved.PValueVsCe, 12);
        Assert.Equal(PairedTTest.Compare([0.93, 0.95, 0.94], [0.90, 0.92, 0.91]).PValue, evolved.PairedPValueVsCe, 12);
        // focal (mean 0.925) is the best baseline; CE's own CE p-value and focal's own best-baseline p-value are undefined.
        Assert.Equal(WelchTTest.Compare([0.93, 0.95, 0.94], [0.92, 0.93, 0.925]).PValue, evolved.PValueVsBestBaseline, 12);
        Assert.True(double.IsNaN(rows[1].PValueVsCe));
        Assert.True(double.IsNaN(rows[2].PValueVsBestBaseline));
        Assert.False(double.IsNaN(rows[1].PValueVsBestBaseline));
        // 95% CI half-width of three runs with sd 0.01: t(0.975, 2) = 4.302653 times 0.01 / sqrt(3).
        Assert.Equal(4.302652729911275 * 0.01 / Math.Sqrt(3), evolved.ConfidenceHalfWidth, 9);
    }

    [Fact]
    public void Failed_runs_count_with_fitness_zero_and_missing_seeds_are_left_out()
    {
        EvaluationResult?[] runs = [Result(0.9), EvaluationResult.Failed("nan loss", 2), null];
        var rows = ArmComparison.Compare([Evolved, ComparisonArm.Baseline("ce")], [runs, Runs(0.9, 0.9, 0.9)]);

        Assert.Equal([0.9, 0.0], rows[0].Fitnesses);
        Assert.Equal(1, rows[0].FailedRuns);
        Assert.Equal(1.5, rows[0].SecondsPerRun, 12);
        Assert.Equal(0.45, rows[0].Mean, 12);
    }

    [Fact]
    public void A_comparison_without_CE_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ArmComparison.Compare([Evolved], [Runs(0.9, 0.8)]));
    }

    private static EvaluationResult Result(double fitness) => new(fitness, EvaluationStatus.Completed, 1);

    private static IReadOnlyList<EvaluationResult?> Runs(params double[] fitnesses) => fitnesses.Select(f => (EvaluationResult?)Result(f)).ToList();
}
