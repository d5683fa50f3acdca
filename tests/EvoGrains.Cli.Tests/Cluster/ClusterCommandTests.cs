using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>The cluster commands against a real silo reached through its gateway, as users run them.</summary>
[Trait("Category", "Integration")]
public sealed class ClusterCommandTests : IAsyncLifetime
{
    private readonly string folder = TinySpecs.TempFolder();
    private EmbeddedSilo? silo;

    private string Gateway => $"127.0.0.1:{silo!.GatewayPort}";

    public async Task InitializeAsync() =>
        silo = await EmbeddedSilo.StartAsync(Path.Combine(folder, "state"), TinySpecs.Synthetic(20), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await silo!.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Submit_list_watch_status_and_export_a_search()
    {
        var spec = TinySpecs.WriteTo(folder, TinySpecs.Synthetic(24));

        var submit = await CliRun.Of("submit", "--spec", spec, "--gateway", Gateway);
        Assert.True(submit.ExitCode == 0, submit.Error);
        var id = submit.Out.Trim();
        Assert.StartsWith("tiny-", id);

        var list = await CliRun.Of("list", "--gateway", Gateway);
        Assert.Contains(id, list.Out);

        // While it runs: one status object per line, the last one terminal.
        var stream = await CliRun.Of("watch", id, "--gateway", Gateway, "--json", "--progress-interval", "0");
        Assert.True(stream.ExitCode == 0, stream.Error);
        var snapshots = stream.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(snapshots, StatusJson.AssertShape);
        Assert.All(snapshots, s => Assert.Equal(id, s.GetProperty("searchId").GetString()));
        Assert.Equal("completed", snapshots[^1].GetProperty("state").GetString());
        Assert.True(snapshots[^1].GetProperty("isTerminal").GetBoolean());
        var done = snapshots.Select(s => s.GetProperty("evaluationsDone").GetInt64()).ToList();
        Assert.Equal(done.Order(), done);

        // An ended search: its end, once.
        var watch = await CliRun.Of("watch", id, "--gateway", Gateway);
        Assert.Equal(0, watch.ExitCode);
        Assert.StartsWith("Completed", Assert.Single(watch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        var listed = await CliRun.Of("list", "--gateway", Gateway, "--json");
        Assert.True(listed.ExitCode == 0, listed.Error);
        var summary = Assert.Single(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray(), s => s.GetProperty("searchId").GetString() == id);
        Assert.Equal(["searchId", "name", "state", "createdAt", "updatedAt"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tiny", summary.GetProperty("name").GetString());
        Assert.Equal("completed", summary.GetProperty("state").GetString());
        Assert.True(summary.GetProperty("createdAt").GetDateTimeOffset() <= summary.GetProperty("updatedAt").GetDateTimeOffset());

        var status = await CliRun.Of("status", id, "--gateway", Gateway, "--json");
        var snapshot = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal(id, snapshot.GetProperty("searchId").GetString());
        Assert.Equal("completed", snapshot.GetProperty("state").GetString());
        StatusJson.AssertShape(snapshot);
        Assert.Equal(JsonValueKind.Number, snapshot.GetProperty("bestFitness").ValueKind);
        Assert.Equal("island", snapshot.GetProperty("islands")[0].EnumerateObject().First().Name);

        var exported = Path.Combine(folder, "export");
        var export = await CliRun.Of("export", id, "--out", exported, "--gateway", Gateway);
        Assert.Equal(0, export.ExitCode);
        Assert.True(File.ReadAllLines(Path.Combine(exported, "history.csv")).Length > 24);
        Assert.True(File.Exists(Path.Combine(exported, "report.md")));
    }

    [Fact]
    public async Task Pause_resume_and_cancel_change_the_state()
    {
        var spec = TinySpecs.WriteTo(folder, TinySpecs.Synthetic(100_000, delayMs: 50));
        var id = (await CliRun.Of("submit", "--spec", spec, "--gateway", Gateway)).Out.Trim();

        Assert.Contains("Paused", (await CliRun.Of("pause", id, "--gateway", Gateway)).Out);
        Assert.Contains("Running", (await CliRun.Of("resume", id, "--gateway", Gateway)).Out);
        Assert.Contains("Cancelled", (await CliRun.Of("cancel", id, "--gateway", Gateway)).Out);
    }

    [Fact]
    public async Task A_submit_whose_data_does_not_load_on_the_silo_fails_with_the_reason()
    {
        var missing = Path.Combine(folder, "no-such-data");
        var spec = TinySpecs.WriteTo(folder, TinySpecs.Synthetic(10) with { Evaluation = new EvaluationSpec { Evaluator = "training", DataPath = missing } });

        var submit = await CliRun.Of("submit", "--spec", spec, "--gateway", Gateway, "--id", "no-data");

        Assert.Equal(2, submit.ExitCode);
        var line = Assert.Single(submit.ErrorLines);
        Assert.Contains($"search 'no-data': evaluation.dataPath: {Path.Combine(missing, "train-images-idx3-ubyte.gz")}: file not found", line, StringComparison.Ordinal);
        var list = await CliRun.Of("list", "--gateway", Gateway);
        Assert.DoesNotContain("no-data", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_searches_and_bad_specs_are_input_errors()
    {
        var missing = await CliRun.Of("status", "no-such-search", "--gateway", Gateway);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no search 'no-such-search'", missing.Error);

        var path = Path.Combine(folder, "bad.json");
        File.WriteAllText(path, SearchSpecJson.Write(TinySpecs.Synthetic(10)).Replace("\"synthetic\"", "\"magic\"", StringComparison.Ordinal));
        var bad = await CliRun.Of("submit", "--spec", path, "--gateway", Gateway);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("evaluation.evaluator: 'magic' is not one of", bad.Error);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_one_clear_line()
    {
        var run = await CliRun.Of("list", "--gateway", "127.0.0.1:1");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("cannot reach the EvoGrains cluster at 127.0.0.1:1", run.Error);
    }
}
