using EvoGrains.Cli.Runs;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Runs;

public sealed class RunRecordTests
{
    [Fact]
    public void A_final_tables_evolved_rows_take_their_hall_of_fame_rank_not_their_row_order()
    {
        var hall = new[] { "aaa", "bbb", "ccc" }.Select(h => new HallOfFameEntry(h, h, LossText.From(LossZoo.CrossEntropy), 0.8, 0, "random", [])).ToList();
        var final = new FinalComparison(10, 2, [Row("ccc", false), Row("ce", true), Row("aaa", false)], DateTimeOffset.UnixEpoch, FinalComparison.Test, [], 6);

        var rows = RunRecord.RankedRows(final, hall);

        Assert.Equal(["#3 ccc", "ce", "#1 aaa"], rows.Select(r => r.Name));
        Assert.Empty(RunRecord.RankedRows(null, hall));
    }

    private static ComparisonRow Row(string name, bool baseline) =>
        new(name, baseline, "x", LossText.From(LossZoo.CrossEntropy), [0.8, 0.8], 0.8, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 1, 0);
}
