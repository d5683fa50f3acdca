using EvoGrains.Cli.Runs;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.TestSupport.Search;

namespace EvoGrains.Cli.Tests.Runs;

public sealed class HistoryCsvTests
{
    [Fact]
    public async Task A_written_history_reads_back_row_by_row_with_losses_that_hash_as_recorded()
    {
        var runner = new SearchRunner(new RegularizedEvolution(new CellSpace(), new ScreeningFunnel(), 10, 3, 15), new SyntheticEvaluator(), seed: 4);
        await runner.RunAsync(40);

        var rows = HistoryCsv.Parse(HistoryCsv.Format(runner.History), "history.csv");

        Assert.Equal(runner.History.Count, rows.Count);
        Assert.All(runner.History.Zip(rows), pair =>
        {
            var (entry, row) = pair;
            Assert.Equal((entry.Index, entry.Hash, entry.Expression, entry.Island, entry.Fitness, entry.Status.ToString().ToLowerInvariant(), entry.Rung, entry.Spread), (row.Index, row.Hash, row.Expression, row.Island, row.Fitness, row.Status, row.Rung, row.Spread));
            Assert.Equal(entry.Hash, LossFunction.ParseDescription(row.Expression).HashHex);
        });
        Assert.Equal(Enumerable.Range(2, rows.Count), rows.Select(r => r.Line));
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_line_numbers_follow_them()
    {
        var failed = new HistoryEntry { Index = 0, Island = 1, Hash = "00", Expression = "max(p, y)", Loss = LossText.From(LossZoo.CrossEntropy), Genome = "", Fitness = 0.5, Status = EvaluationStatus.Failed, Seconds = 1, Operator = "random", Parents = [], Failure = "said \"no\"\r\nthen stopped", Shared = false, CompletedAt = DateTimeOffset.UnixEpoch };
        var next = failed with { Index = 1, Hash = "01", Expression = "p" };

        var rows = HistoryCsv.Parse(HistoryCsv.Format([failed, next]), "h.csv");

        Assert.Equal(["max(p, y)", "p"], rows.Select(r => r.Expression));
        Assert.Equal([2, 4], rows.Select(r => r.Line));
    }

    [Fact]
    public void Rung_and_spread_are_read_when_present_and_default_in_older_files()
    {
        var rows = HistoryCsv.Parse("index,hash,expression,island,fitness,status,rung,spread\n0,ab,p,0,0.25,completed,2,0.01\n1,ac,p,0,0.25,completed,0,\n", "h.csv");
        var old = Assert.Single(HistoryCsv.Parse("index,hash,expression,island,fitness,status\n0,ab,p,0,0.25,completed\n", "h.csv"));

        Assert.Equal([(2, 0.01), (0, double.NaN)], rows.Select(r => (r.Rung, r.Spread)));
        Assert.Equal((0, double.NaN), (old.Rung, old.Spread));
    }

    [Theory]
    [InlineData("index,hash,island,fitness,status\n", "h.csv: no 'expression' column in the header")]
    [InlineData("index,hash,expression,island,fitness,status\n0,ab,p,0,high,completed\n", "h.csv: line 2: fitness 'high' is not a number")]
    [InlineData("index,hash,expression,island,fitness,status\n0,ab,p\n", "h.csv: line 2: 6 fields expected, got 3")]
    [InlineData("", "h.csv: empty")]
    public void A_malformed_file_names_the_file_line_and_column(string csv, string expected)
    {
        var error = Assert.Throws<InputException>(() => HistoryCsv.Parse(csv, "h.csv"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
