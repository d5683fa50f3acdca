using System.Text.Json;
using EvoGrains.Cli.Bench.Search;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Bench;

public sealed class SearchBenchmarkTests
{
    [Fact]
    public void Each_method_is_compared_with_random_on_its_winners_test_accuracy_and_its_final_best()
    {
        var runs = new List<SearchBenchRun>();
        double[] evolved = [0.81, 0.82, 0.83, 0.84, 0.85], random = [0.71, 0.72, 0.73, 0.74, 0.75];
        for (var r = 0; r < 5; r++)
        {
            runs.Add(Run("regularized-evolution", r, evolved[r], evolved[r] + 0.1));
            runs.Add(Run("random", r, random[r], random[r] + 0.1));
        }

        var methods = SearchBenchmark.Summarize(["regularized-evolution", "random"], runs, budget: 1000);

        var re = methods[0];
        Assert.Equal(0.83, re.WinnerTestMean, 12);
        Assert.Equal(0.93, re.FinalBestMedian, 12);
        // Fully separated samples of five: the exact two-sided Mann-Whitney p is 2/252.
        Assert.Equal(2.0 / 252, re.MannWhitneyTestP, 12);
        Assert.Equal(2.0 / 252, re.MannWhitneyValidationP, 12);
        Assert.True(re.WelchTestP < 1e-4);
        Assert.Equal(SearchBenchmark.BandPoints, re.Band.Count);
        Assert.True(double.IsNaN(methods[1].MannWhitneyTestP) && double.IsNaN(methods[1].WelchValidationP));
    }

    [Fact]
    public void Each_search_gets_one_island_of_its_method_a_step_budget_and_a_test_only_final_stage()
    {
        var spec = TinySpecs.Synthetic(40) with { Budget = new BudgetSpec { MaxEvaluations = 40, MaxMinutes = 2 } };
        var options = new SearchBenchOptions(spec, 3, ["regularized-evolution", "random"], SearchBenchOptions.DefaultTrainingSteps(spec), 4);

        var first = options.For("random", 0);
        var second = options.For("regularized-evolution", 1);

        Assert.Equal(40L * spec.Evaluation.Steps, options.TrainingSteps);
        Assert.Equal(1, first.Islands.Count);
        Assert.Equal(["random"], first.Islands.Methods);
        Assert.Equal((0, 1_000_000, options.TrainingSteps), (first.Budget.MaxMinutes, first.Budget.MaxEvaluations, first.Budget.MaxTrainingSteps));
        Assert.Equal((1, 4, 0, 0), (first.FinalStage.TopK, first.FinalStage.Seeds, first.FinalStage.Baselines.Count, first.FinalStage.Tune!.Count));
        Assert.Equal(first.Seed, options.For("regularized-evolution", 0).Seed);
        Assert.NotEqual(first.Seed, second.Seed);
        Assert.Empty(SearchSpecValidator.Validate(second));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_small_benchmark_runs_every_repeat_and_reports_json()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.WriteTo(folder, TinySpecs.Synthetic(12, delayMs: 5));
        try
        {
            var run = await CliRun.Of("bench", "search", "--spec", spec, "--repeats", "2", "--methods", "surrogate-evolution", "random", "--test-seeds", "2", "--json");

            Assert.True(run.ExitCode == 0, run.Error);
            using var result = JsonDocument.Parse(run.Out);
            var runs = result.RootElement.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(4, runs.Count);
            Assert.All(runs, r => Assert.Equal(2, r.GetProperty("winnerTest").GetArrayLength()));
            Assert.All(runs, r => Assert.True(r.GetProperty("trainingSteps").GetInt64() >= 12 * 200));
            // Every search says why: what share of its losses screening rejected, and what its operators did.
            Assert.All(runs, r => Assert.InRange(r.GetProperty("diagnostics").GetProperty("rejectedShare").GetDouble(), 0, 1));
            Assert.All(runs, r => Assert.Contains(r.GetProperty("diagnostics").GetProperty("operators").EnumerateArray(), o => o.GetProperty("operator").GetString() == "random"));
            Assert.Equal(["surrogate-evolution", "random"], result.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()));
            Assert.Equal(4, run.Error.Split('\n').Count(line => line.Contains(" training steps, best validation ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SearchBenchRun Run(string method, int repeat, double test, double validation) => new()
    {
        Method = method,
        Repeat = repeat,
        Seed = repeat,
        Evaluations = 10,
        TrainingSteps = 1000,
        BestValidation = validation,
        WinnerHash = "h",
        WinnerExpression = "e",
        WinnerTest = [test, test],
        CrossEntropyTest = [0.7, 0.7],
        Seconds = 1,
        Curve = [new BestSoFarPoint(500, validation - 0.05), new BestSoFarPoint(1000, validation)],
        Diagnostics = new SearchBenchDiagnostics(0, 0, [], double.NaN, double.NaN),
    };
}
