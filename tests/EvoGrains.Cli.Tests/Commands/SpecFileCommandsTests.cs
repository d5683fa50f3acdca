using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Tests.Cluster;

namespace EvoGrains.Cli.Tests.Commands;

/// <summary>
/// Every command that reads a spec file (local --spec, local --resume, submit, replay, bench fidelity, train --spec) refuses a bad one
/// before doing anything else: exit 2 and one line naming the file and the field, never a stack trace.
/// </summary>
public sealed class SpecFileCommandsTests : IDisposable
{
    private readonly string folder = TinySpecs.TempFolder();

    public static TheoryData<string, string, string> Cases()
    {
        string[] commands = ["local --spec", "local --resume", "submit", "replay", "bench fidelity", "train --spec"];
        (string Json, string Error)[] specs =
        [
            ("""{"name": "bad", "evaluation": {"rungs": [{"steps": 100}, null]}}""", "evaluation.rungs[1]: must not be null"),
            ("""{"finalStage": null}""", "finalStage: must not be null"),
            // The default method uses no CMA-ES: its settings are still checked.
            ("""{"islands": {"cmaEs": {"populationSize": 0}}}""", "islands.cmaEs.populationSize: must be between 2 and 1000 (got 0)"),
        ];
        var cases = new TheoryData<string, string, string>();
        foreach (var command in commands)
        {
            foreach (var (json, error) in specs)
            {
                cases.Add(command, json, error);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_spec_is_exit_2_and_one_line_naming_the_file_and_field(string command, string json, string error)
    {
        Directory.CreateDirectory(folder);
        var spec = Path.Combine(folder, "spec.json");
        File.WriteAllText(spec, json);
        File.WriteAllText(Path.Combine(folder, LocalSearch.SearchIdFile), "bad-1");

        var run = await CliRun.Of(command switch
        {
            "local --spec" => ["local", "--spec", spec, "--out", Path.Combine(folder, "out")],
            "local --resume" => ["local", "--resume", folder],
            "submit" => ["submit", "--spec", spec, "--gateway", "127.0.0.1:1"],
            "replay" => ["replay", folder, "0123abcd"],
            "bench fidelity" => ["bench", "fidelity", "--spec", spec, "--json"],
            "train --spec" => ["train", "--loss", "baikal", "--spec", spec, "--json"],
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        });

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal($"evograins: {spec}: {error}", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
