using System.CommandLine;
using System.Globalization;
using EvoGrains.Cli.Runs;

namespace EvoGrains.Cli.Commands;

/// <summary>
/// `evograins replay`: retrain one evaluation of a run folder as the search did and compare the fitness.
/// </summary>
public static class ReplayCommand
{
    public static Command Build(CliConsole console)
    {
        var folder = new Argument<string>("run folder")
        {
            Description = "A run folder written by `local` or `export` (spec.json and history.csv).",
        };
        var hash = new Argument<string>("hash")
        {
            Description = "The loss's hash from history.csv (a unique prefix is enough).",
        };
        var rung = new Option<int?>("--rung")
        {
            Description = "The rung to replay (default: the highest the loss reached).",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command(
            "replay",
            "Retrain one evaluation of a search exactly as the search did (same spec, seed, split and rung) and "
            + "compare with the recorded fitness. Exit 1 if it differs.")
        {
            folder, hash, rung, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var plan = RunReplay.Plan(parse.GetValue(folder)!, parse.GetValue(hash)!, parse.GetValue(rung));
            var report = await RunReplay.RunAsync(plan, cancellationToken);
            await console.Out.WriteLineAsync(parse.GetValue(json) ? CliJson.Serialize(report) : Text(report));
            return report.Verdict == ReplayVerdict.Differs ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static string Text(ReplayReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        {r.Hash}  {r.Expression}
          rung {r.Rung}: {r.Steps} steps x {r.Seeds} seed(s) from seed {r.Seed}
          recorded  {r.RecordedFitness:F6}{Spread(r.RecordedSpread)} ({r.RecordedStatus})
          replayed  {r.ReplayedFitness:F6}{Spread(r.ReplayedSpread)} ({r.ReplayedStatus}, {r.Seconds:F1} s)
          {Verdict(r.Verdict)}
        """);

    private static string Spread(double spread) =>
        double.IsFinite(spread) ? string.Create(CultureInfo.InvariantCulture, $" ± {spread:F6}") : "";

    private static string Verdict(ReplayVerdict verdict) => verdict switch
    {
        ReplayVerdict.Identical => "identical: the replay reproduces the search's result",
        _ => "DIFFERS from the search's result",
    };
}
