using System.CommandLine;
using EvoGrains.Cli.Cluster;

namespace EvoGrains.Cli.Commands;

/// <summary>The progress options of the commands that follow a search (`local`, `watch`), declared once.</summary>
public sealed class ProgressOptions(string jsonName, string jsonDescription)
{
    public Option<int> Interval { get; } = new Option<int>("--progress-interval")
    {
        Description =
            "When the output is not an interactive terminal, or is JSON: print a line when the search progressed "
            + "(state, evaluations done, best fitness, final-stage trainings), at most one every this many seconds "
            + "(0: at every change). The last snapshot is always printed.",
        DefaultValueFactory = _ => (int)ProgressOutput.DefaultInterval.TotalSeconds,
    }.InRange(0, 86_400);

    public Option<bool> Json { get; } = new(jsonName) { Description = jsonDescription };

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Interval);
    }

    public ProgressOutput Read(ParseResult parse) =>
        new(parse.GetValue(Json), TimeSpan.FromSeconds(parse.GetValue(Interval)));
}
