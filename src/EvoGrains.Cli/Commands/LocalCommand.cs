using System.CommandLine;
using System.Globalization;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins local`: a search on this machine with an embedded silo.</summary>
public static class LocalCommand
{
    public static Command Build(CliConsole console)
    {
        var spec = new Option<string?>("--spec") { Description = "Search spec (JSON; see the README)." };
        var output = new Option<string?>("--out") { Description = "Run folder (default runs/<name>-<time>)." };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the interrupted search in this run folder.",
        };
        var webPort = new Option<int>("--web-port")
        {
            Description =
                "Serve the search's web page (live charts, islands, hall of fame) on 127.0.0.1 at this port; 0 "
                + "(the default) takes a free one. The address is printed on stderr.",
            DefaultValueFactory = _ => 0,
        }.InRange(0, 65_535);
        var noWeb = new Option<bool>("--no-web") { Description = "Serve no web page." };
        var progress = new ProgressOptions("--json-progress",
            "Print the progress as JSON, one status object (as `status --json`) per line; the summary at the end "
            + "goes to stderr.");
        var command = new Command(
            "local",
            "Run a search on this machine (embedded silo, CPU trainers) and write its run folder. Ctrl-C stops; "
            + "--resume continues.")
        {
            spec, output, resume, webPort, noWeb,
        };
        progress.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(spec) is null) == (result.GetResult(resume) is null))
            {
                result.AddError("give either --spec <file> for a new search or --resume <run folder>");
            }

            if (result.GetResult(noWeb) is not null && result.GetResult(webPort) is { Implicit: false })
            {
                result.AddError("give either --web-port or --no-web");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resumeFolder = parse.GetValue(resume);
            var specFile = parse.GetValue(spec);
            var newSpec = specFile is null ? null : LocalSearch.CheckData(SearchSpecJson.Load(specFile), specFile);
            var folder = resumeFolder ?? parse.GetValue(output) ?? Path.Combine(
                "runs",
                string.Create(CultureInfo.InvariantCulture, $"{newSpec!.Name}-{DateTime.Now:yyyyMMdd-HHmmss}"));
            var shown = progress.Read(parse);
            int? web = parse.GetValue(noWeb) ? null : parse.GetValue(webPort);
            var run = await LocalSearch.RunAsync(folder, newSpec, console, shown, cancellationToken, web);
            if (run is null)
            {
                return ExitCodes.Cancelled;
            }

            // With JSON progress, stdout holds nothing but the status objects.
            RunSummary.Write(shown.Json ? new CliConsole(console.Error, console.Error) : console, run, folder);
            return ExitCodes.ForSearch(run.State);
        });
        return command;
    }
}
