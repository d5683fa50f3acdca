using EvoGrains.Cli.Runs;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Runs;

public sealed class RunRecordTests
{
    [Fact]
    public void A_final_tables_evolved_rows_take_their_hall_of_fame_rank_not_their_row_order()
    {
        var hall = new[] { "aaa", "bbb", "ccc" }.Select(h => new HallOfFameEntry { Hash = h, Expression = h, Loss = LossText.From(LossZoo.CrossEntropy), Fitness = 0.8, Island = 0, Operator = "random", Parents = [] }).ToList();
        var final = new FinalComparison { Steps = 10, Seeds = 2, Rows = [Row("ccc", false), Row("ce", true), Row("aaa", false)], CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 6 };

        var rows = RunRecord.RankedRows(final, hall);

        Assert.Equal(["#3 ccc", "ce", "#1 aaa"], rows.Select(r => r.Name));
        Assert.Empty(RunRecord.RankedRows(null, hall));
    }

    private static ComparisonRow Row(string name, bool baseline) =>
        new ComparisonRow { Name = name, IsBaseline = baseline, Expression = "x", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [0.8, 0.8], Mean = 0.8, StandardDeviation = 0, ConfidenceHalfWidth = double.NaN, PValueVsCe = double.NaN, PairedPValueVsCe = double.NaN, PValueVsBestBaseline = double.NaN, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 1, FailedRuns = 0 };
}
