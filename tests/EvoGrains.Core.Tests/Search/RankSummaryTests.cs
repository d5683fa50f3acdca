using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class RankSummaryTests
{
    [Fact]
    public void Ranks_each_arm_per_table_with_shared_ties_and_orders_by_mean_rank()
    {
        IReadOnlyList<ComparisonRow> test = [Row("ce", 0.80), Row("found", 0.85), Row("ls-ce*", 0.82), Row("focal", 0.79)];
        IReadOnlyList<ComparisonRow> resnet = [Row("ce", 0.90), Row("found", 0.88), Row("ls-ce*", 0.90), Row("focal", 0.70)];
        IReadOnlyList<ComparisonRow> noisy = [Row("ce", 0.60), Row("found", 0.75), Row("ls-ce*", 0.65), Row("focal", double.NaN)];

        var summary = RankSummary.Of([("test table", test), ("resnet9", resnet), ("noisy", noisy)]);

        Assert.Equal(["test table", "resnet9", "noisy"], summary.Settings);
        Assert.Equal(["found", "ls-ce*", "ce", "focal"], summary.Rows.Select(r => r.Name));
        Assert.Equal([1, 3, 1], summary.Rows[0].Ranks);
        Assert.Equal([2, 1.5, 2], summary.Rows[1].Ranks);
        Assert.Equal([3, 1.5, 3], summary.Rows[2].Ranks);
        Assert.Equal([4, 4, 4], summary.Rows[3].Ranks);
        Assert.Equal([5.0 / 3, 5.5 / 3, 7.5 / 3, 4], summary.Rows.Select(r => r.MeanRank));
    }

    [Fact]
    public void An_arm_missing_from_a_table_has_no_rank_there_and_its_mean_is_over_the_others()
    {
        var summary = RankSummary.Of([("test table", [Row("ce", 0.8), Row("a", 0.9)]), ("other", [Row("ce", 0.7)])]);

        Assert.Equal(["a", "ce"], summary.Rows.Select(r => r.Name));
        Assert.True(double.IsNaN(summary.Rows[0].Ranks[1]));
        Assert.Equal((1, 1.5), (summary.Rows[0].MeanRank, summary.Rows[1].MeanRank));
    }

    [Fact]
    public void A_final_comparison_ranks_its_test_table_first_then_each_transfer_setting()
    {
        var final = new FinalComparison { Steps = 10, Seeds = 2, Rows = [Row("ce", 0.8), Row("a", 0.9)], CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 8, Transfer = [new TransferResult("resnet9", new TransferSpec { Model = "resnet9" }, "model resnet9", 10, 2, [Row("ce", 0.9), Row("a", 0.7)])] };

        var summary = RankSummary.Of(final);

        Assert.Equal([RankSummary.TestTable, "resnet9"], summary.Settings);
        Assert.Equal(["ce", "a"], summary.Rows.Select(r => r.Name));
        Assert.All(summary.Rows, r => Assert.Equal(1.5, r.MeanRank));
    }

    private static ComparisonRow Row(string name, double mean) =>
        new ComparisonRow { Name = name, IsBaseline = name != "found" && name != "a", Expression = "-(y*log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [mean], Mean = mean, StandardDeviation = 0, ConfidenceHalfWidth = double.NaN, PValueVsCe = double.NaN, PairedPValueVsCe = double.NaN, PValueVsBestBaseline = double.NaN, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 1, FailedRuns = 0 };
}
