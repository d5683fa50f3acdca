using System.Text.Json;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

[Trait("Category", "Integration")]
public sealed class LocalSearchTests
{
    [Fact]
    public async Task A_local_run_writes_a_complete_run_folder()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.WriteTo(folder + "-in", TinySpecs.Synthetic(30));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var run = await CliRun.Of("local", "--spec", spec, "--out", folder);

            Assert.True(run.ExitCode == 0, run.Error);
            // Not a terminal: the first snapshot, one a progress interval (10 s), the end.
            var progress = run.Out.Split('\n').Count(line => line.Contains(" done, ", StringComparison.Ordinal));
            Assert.InRange(progress, 2, 2 + (int)(clock.Elapsed.TotalSeconds / 10));
            var history = File.ReadAllLines(Path.Combine(folder, "history.csv")).Skip(1).ToList();
            Assert.InRange(history.Count, 30, 30 + 4);
            Assert.Equal(history.Count, history.Select(line => line.Split(',')[1] + "@" + line.Split(',')[3]).Distinct().Count());
            foreach (var file in new[] { "spec.json", "hall-of-fame.json", "fitness.png", "islands.png", "report.md" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} missing");
            }

            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.Contains("Status: **Completed**", report);
            Assert.Contains("| ce ", report);
            Assert.Contains("search tiny-", run.Out);
        }
        finally
        {
            Delete(folder);
            Delete(folder + "-in");
        }
    }

    [Fact]
    public async Task Json_progress_streams_status_objects_and_the_summary_goes_to_stderr()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.WriteTo(folder + "-in", TinySpecs.Synthetic(40, delayMs: 50));
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var run = await CliRun.Of("local", "--spec", spec, "--out", folder, "--json-progress", "--progress-interval", "1");

            Assert.True(run.ExitCode == 0, run.Error);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.InRange(lines.Length, 2, 2 + (int)clock.Elapsed.TotalSeconds);
            var snapshots = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.All(snapshots, StatusJson.AssertShape);
            Assert.Single(snapshots.Select(s => s.GetProperty("searchId").GetString()).Distinct());
            Assert.Equal("completed", snapshots[^1].GetProperty("state").GetString());
            Assert.Equal(40, snapshots[^1].GetProperty("evaluationsDone").GetInt64());
            Assert.Contains("search tiny-", run.Error, StringComparison.Ordinal);
            Assert.Contains("| ce ", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            Delete(folder);
            Delete(folder + "-in");
        }
    }

    [Fact]
    public async Task An_interrupted_run_resumes_to_the_same_evaluation_count_without_repeats()
    {
        var folder = TinySpecs.TempFolder();
        var spec = TinySpecs.Synthetic(60, delayMs: 60);
        using var interrupt = new CancellationTokenSource();
        var progress = new InterruptingWriter(done => done >= 15, interrupt);
        var stopped = new StringWriter();
        var quiet = new CliConsole(TextWriter.Null, TextWriter.Null);
        try
        {
            // Off xunit's synchronization context, as the command line runs it.
            var first = await Task.Run(() => LocalSearch.RunAsync(folder, spec, new CliConsole(progress, stopped), new ProgressOutput(false, TimeSpan.Zero), interrupt.Token));
            Assert.Null(first);
            Assert.False(File.Exists(Path.Combine(folder, "report.md")), "an interrupted run must not look finished");
            var at = int.Parse(System.Text.RegularExpressions.Regex.Match(stopped.ToString(), "stopped at (\\d+) evaluations").Groups[1].Value);
            Assert.InRange(at, 15, 59);

            var resumed = await Task.Run(() => LocalSearch.RunAsync(folder, null, quiet, new ProgressOutput(false, ProgressOutput.DefaultInterval), CancellationToken.None));

            Assert.NotNull(resumed);
            Assert.Equal("Completed", resumed.Status);
            Assert.Equal(60, resumed.History.Count);
            Assert.Equal(resumed.History.Count, resumed.History.Select(h => (h.Island, h.Hash)).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, resumed.History.Count).Select(i => (long)i), resumed.History.Select(h => h.Index));
        }
        finally
        {
            Delete(folder);
        }
    }

    /// <summary>Reads the progress lines and interrupts the run once enough evaluations are done (like Ctrl-C).</summary>
    private sealed class InterruptingWriter(Func<int, bool> enough, CancellationTokenSource interrupt) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            var match = System.Text.RegularExpressions.Regex.Match(value ?? "", "^Running +(\\d+)/");
            if (match.Success && enough(int.Parse(match.Groups[1].Value)))
            {
                interrupt.Cancel();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Local_needs_exactly_one_of_spec_and_resume()
    {
        var run = await CliRun.Of("local");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give either --spec", run.Error);
    }

    [Fact]
    public async Task Data_that_does_not_load_fails_before_the_search_starts_naming_the_file()
    {
        var folder = TinySpecs.TempFolder();
        var missing = Path.Combine(folder, "no-such-data");
        var spec = TinySpecs.Synthetic(10) with { Evaluation = new EvaluationSpec { Evaluator = "training", Dataset = "fashion-mnist", DataPath = missing } };
        var path = TinySpecs.WriteTo(folder, spec);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var run = await CliRun.Of("local", "--spec", path, "--out", Path.Combine(folder, "out"));

            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains($"spec-in.json: evaluation.dataPath: {Path.Combine(missing, "train-images-idx3-ubyte.gz")}: file not found", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task Corrupt_data_fails_before_the_search_starts_naming_the_file()
    {
        var folder = TinySpecs.TempFolder();
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        File.WriteAllBytes(Path.Combine(data, "train-images-idx3-ubyte"), [0, 0, 8, 3, 0, 0]);
        File.WriteAllBytes(Path.Combine(data, "train-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 0]);
        var spec = TinySpecs.Synthetic(10) with { Evaluation = new EvaluationSpec { Evaluator = "training", Dataset = "mnist", DataPath = data } };
        var path = TinySpecs.WriteTo(folder, spec);
        try
        {
            var run = await CliRun.Of("local", "--spec", path, "--out", Path.Combine(folder, "out"));

            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains($"evaluation.dataPath: {Path.Combine(data, "train-images-idx3-ubyte")}:", line, StringComparison.Ordinal);
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public async Task A_bad_spec_is_rejected_before_anything_starts()
    {
        var folder = TinySpecs.TempFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "bad.json");
        File.WriteAllText(path, """{"islands": {"count": 0}}""");
        try
        {
            var run = await CliRun.Of("local", "--spec", path, "--out", Path.Combine(folder, "out"));

            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.ErrorLines);
            Assert.Contains("bad.json: islands.count: must be between 1 and 64", run.Error);
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Delete(folder);
        }
    }

    private static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
