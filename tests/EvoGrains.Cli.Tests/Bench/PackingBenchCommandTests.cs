using System.Text.Json;

namespace EvoGrains.Cli.Tests.Bench;

/// <summary>`evograins bench packing --json` end to end on real Fashion-MNIST training, kept to seconds (a few steps).</summary>
public sealed class PackingBenchCommandTests
{
    [Fact]
    public async Task Prints_todays_way_and_each_requested_pack_size_as_camel_case_json()
    {
        var run = await CliRun.Of("bench", "packing", "--candidates", "2", "--steps", "3", "--pack-sizes", "2", "1", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var root = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("mlp", root.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("today").GetProperty("packSize").ValueKind);
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 1], rows.Select(r => r.GetProperty("packSize").GetInt32()));
        Assert.All(rows, row =>
        {
            Assert.True(row.GetProperty("evaluationsPerSecond").GetDouble() > 0);
            Assert.True(row.GetProperty("speedup").GetDouble() > 0);
            Assert.Equal(0, row.GetProperty("failed").GetInt32());
        });
    }

    [Theory]
    [InlineData("0", "--pack-sizes: 0 is outside 1..1024")]
    [InlineData("4 4", "--pack-sizes: each size may appear once")]
    public async Task Bad_pack_sizes_fail_at_parse_time_with_one_line(string sizes, string message)
    {
        var run = await CliRun.Of(["bench", "packing", "--pack-sizes", .. sizes.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
