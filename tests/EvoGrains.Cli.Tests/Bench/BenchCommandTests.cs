using System.Text.Json;

namespace EvoGrains.Cli.Tests.Bench;

/// <summary>`bench screening|training|orchestration --json`: the measured numbers as camelCase JSON (README shapes), at sizes of seconds.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Screening_prints_its_rates_and_every_stage_share()
    {
        var run = await CliRun.Of("bench", "screening", "--candidates", "200", "--repeats", "1", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(200, root.GetProperty("candidates").GetInt32());
        Assert.True(root.GetProperty("medianPerCpuSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("slowestPerSecond").GetDouble() <= root.GetProperty("fastestPerSecond").GetDouble());
        var shares = root.GetProperty("shareByStage").EnumerateObject().ToList();
        Assert.Equal(["structure", "integrity", "validity", "rejection", "accepted"], shares.Select(s => s.Name));
        Assert.Equal(1, shares.Sum(s => s.Value.GetDouble()), 9);
        Assert.Equal(1 - shares[^1].Value.GetDouble(), root.GetProperty("rejectedShare").GetDouble(), 9);
    }

    [Fact]
    public async Task Screening_without_json_writes_the_results_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "evograins-screening-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            var run = await CliRun.Of("bench", "screening", "--candidates", "100", "--repeats", "1", "--out", path);

            Assert.True(run.ExitCode == 0, run.Error);
            var markdown = File.ReadAllText(path);
            Assert.StartsWith("# Screening benchmark", markdown, StringComparison.Ordinal);
            Assert.Contains("| accepted |", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("| duplicate |", markdown, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Training_prints_step_costs_peak_and_memory_checks()
    {
        var run = await CliRun.Of("bench", "training", "--model", "mlp", "--steps", "2", "--evaluations", "2", "--threads", "1", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("mlp", root.GetProperty("options").GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("options").GetProperty("steps").GetInt32());
        var costs = root.GetProperty("stepCosts").EnumerateArray().ToList();
        Assert.True(costs[0].GetProperty("native").GetBoolean());
        Assert.Equal(1, costs[0].GetProperty("ratioToNativeCe").GetDouble());
        Assert.Equal(1, costs.Count(c => c.GetProperty("native").GetBoolean()));
        Assert.All(costs, c => Assert.True(c.GetProperty("imagesPerSecond").GetDouble() > 0));
        Assert.True(root.GetProperty("gemm").GetProperty("gflopsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("flops").GetProperty("achievedGflopsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("flopFraction").GetDouble() > 0);
        foreach (var (name, perRun) in new[] { ("memory", 1), ("packedMemory", costs.Count - 1 + costs.Count - 1) })
        {
            var memory = root.GetProperty(name);
            Assert.Equal(perRun, memory.GetProperty("evaluationsPerRun").GetInt32());
            Assert.Equal(2, memory.GetProperty("rssKilobytes").GetArrayLength());
            Assert.Equal(1, memory.GetProperty("warmupEvaluations").GetInt32());
            Assert.Equal(JsonValueKind.Number, memory.GetProperty("growth").ValueKind);
            Assert.Equal(JsonValueKind.Number, memory.GetProperty("secondHalfGrowth").ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("accuracy").ValueKind);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Orchestration_prints_each_storage_with_durations_in_seconds()
    {
        var run = await CliRun.Of("bench", "orchestration", "--evaluations", "40", "--warmup", "0", "--scaling-trainers", "2", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var storage = Assert.Single(JsonDocument.Parse(run.Out).RootElement.EnumerateArray());
        Assert.Equal("memory", storage.GetProperty("storage").GetString());
        var result = storage.GetProperty("result");
        Assert.True(result.GetProperty("evaluations").GetInt32() > 0);
        Assert.True(result.GetProperty("evaluationsPerSecond").GetDouble() > 0);
        foreach (var duration in new[] { "elapsed", "overheadPerEvaluation", "cpuPerEvaluation", "searchCostPerEvaluation", "orchestrationCpuPerEvaluation" })
        {
            Assert.Equal(JsonValueKind.Number, result.GetProperty(duration).ValueKind);
        }

        var point = Assert.Single(result.GetProperty("scaling").EnumerateArray());
        Assert.Equal(2, point.GetProperty("trainers").GetInt32());
        Assert.Equal(20, point.GetProperty("idealEvaluationsPerSecond").GetDouble());
        Assert.InRange(point.GetProperty("efficiency").GetDouble(), 0.01, 1.5);
    }
}
