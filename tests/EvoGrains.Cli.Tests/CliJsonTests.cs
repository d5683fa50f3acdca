using System.Text.Json;
using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests;

public sealed class CliJsonTests
{
    [Fact]
    public void Keys_are_camel_case_enums_are_strings_and_undefined_numbers_are_null()
    {
        var row = Row(0.85, double.PositiveInfinity);
        var status = new SearchStatus { SearchId = "s-1", Name = "unit", State = SearchState.FinalStage, EvaluationsDone = 3, MaxEvaluations = 10, InFlight = 1, RejectedByScreening = 0, Deduplicated = 0, LateResults = 0, EvaluationsPerMinute = double.NaN, BestFitness = double.NegativeInfinity, BestExpression = null, Islands = [], Trainers = 1, TrainerUtilisation = 0.5, FinalJobsDone = 0, FinalJobsTotal = 0, StartedAt = null, EndedAt = null };

        var json = JsonDocument.Parse(CliJson.Serialize(new { row, status })).RootElement;

        var r = json.GetProperty("row");
        Assert.Equal(
            ["name", "isBaseline", "expression", "loss", "fitnesses", "mean", "standardDeviation", "confidenceHalfWidth", "pValueVsCe", "pairedPValueVsCe", "pValueVsBestBaseline", "pairedPValueVsBestBaseline", "secondsPerRun", "failedRuns", "runs", "isTuned"],
            r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, r.GetProperty("pValueVsCe").ValueKind);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("standardDeviation").ValueKind);
        Assert.Equal(0.85, r.GetProperty("mean").GetDouble());
        var s = json.GetProperty("status");
        Assert.Equal("finalStage", s.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("bestFitness").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("evaluationsPerMinute").ValueKind);
        Assert.DoesNotContain("NaN", CliJson.Serialize(status), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_reads_back_as_nan()
    {
        var row = JsonSerializer.Deserialize<ComparisonRow>(CliJson.Serialize(Row(1, 0)), CliJson.Options)!;

        Assert.True(double.IsNaN(row.PValueVsCe));
    }

    private static ComparisonRow Row(double mean, double standardDeviation) =>
        new ComparisonRow { Name = "ce", IsBaseline = true, Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [mean], Mean = mean, StandardDeviation = standardDeviation, ConfidenceHalfWidth = double.NaN, PValueVsCe = double.NaN, PairedPValueVsCe = double.NaN, PValueVsBestBaseline = double.NaN, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 3.2, FailedRuns = 0 };

    [Fact]
    public async Task Loss_eval_writes_null_where_the_loss_overflows()
    {
        var run = await CliRun.Of("loss", "eval", "exp(exp(1000 * p))", "--p", "0.5,0.5", "--label", "0", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("loss").ValueKind);
        Assert.All(json.GetProperty("gradLogits").EnumerateArray(), g => Assert.Contains(g.ValueKind, new[] { JsonValueKind.Null, JsonValueKind.Number }));
    }
}
