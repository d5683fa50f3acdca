using System.CommandLine;
using System.Globalization;
using EvoGrains.Abstractions;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Commands;

/// <summary>submit, watch, status, list, pause, resume, cancel and export against a running cluster.</summary>
public static class SearchCommands
{
    public static IEnumerable<Command> Build(CliConsole console)
    {
        var cluster = new ClusterOptions();
        Command[] commands =
        [
            Submit(console, cluster),
            Watch(console, cluster),
            Status(console, cluster),
            List(console, cluster),
            Control(
                "pause", "Pause a search: islands stop breeding; running trainings finish.", (s) => s.PauseAsync(),
                console, cluster),
            Control("resume", "Resume a paused search.", (s) => s.ResumeAsync(), console, cluster),
            Control("cancel", "Cancel a search for good.", (s) => s.CancelAsync(), console, cluster),
            Export(console, cluster),
        ];
        foreach (var command in commands)
        {
            cluster.AddTo(command);
        }

        return commands;
    }

    public static string NewSearchId(string name) =>
        string.Create(
            CultureInfo.InvariantCulture, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");

    /// <summary>Starts a search; an invalid spec the grain rejects is an input error naming the field.</summary>
    public static async Task<SearchStatus> StartAsync(IClusterClient client, string searchId, SearchSpec spec)
    {
        try
        {
            return await client.GetGrain<ISearchGrain>(searchId).StartAsync(spec);
        }
        catch (ArgumentException error)
        {
            throw new InputException(error.Message);
        }
    }

    private static Command Submit(CliConsole console, ClusterOptions cluster)
    {
        var spec = new Option<string>("--spec")
        {
            Description = "Search spec (JSON; see the README).",
            Required = true,
        };
        var id = new Option<string?>("--id") { Description = "Search id (default: name-date-time-random)." };
        var command = new Command("submit", "Submit a search to the cluster and print its id.") { spec, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsed = SearchSpecJson.Load(parse.GetValue(spec)!);
            var searchId = parse.GetValue(id) ?? NewSearchId(parsed.Name);
            return await cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                await StartAsync(client, searchId, parsed);
                await console.Out.WriteLineAsync(searchId);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command Watch(CliConsole console, ClusterOptions cluster)
    {
        var id = SearchIdArgument();
        var progress = new ProgressOptions(
            "--json", "Stream the snapshots as JSON, one status object (as `status --json`) per line.");
        var command = new Command(
            "watch",
            "Follow a search until it ends: a live view on a terminal, otherwise a line when it progressed.")
        {
            id,
        };
        progress.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                var search = await ExistingAsync(client, parse.GetValue(id)!);
                var output = progress.Read(parse);
                var last = await SearchProgressView.FollowAsync(
                    search.WatchAsync(cancellationToken), console, output, cancellationToken);
                if (last is not null && SearchProgressView.IsLive(console, output))
                {
                    // Under the live panel, the outcome as one line, as a non-interactive watch ends.
                    await console.Out.WriteLineAsync(SearchProgressView.Line(last));
                }

                return last is null ? ExitCodes.Success : ExitCodes.ForSearch(last.State);
            }));
        return command;
    }

    private static Command Status(CliConsole console, ClusterOptions cluster)
    {
        var id = SearchIdArgument();
        var json = new Option<bool>("--json") { Description = "Print the snapshot as JSON." };
        var command = new Command("status", "One snapshot of a search.") { id, json };
        command.SetAction((parse, cancellationToken) =>
            cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                var search = await ExistingAsync(client, parse.GetValue(id)!);
                var status = await search.GetStatusAsync();
                await console.Out.WriteLineAsync(parse.GetValue(json)
                    ? CliJson.Serialize(status)
                    : SearchProgressView.Line(status));
                return ExitCodes.Success;
            }));
        return command;
    }

    private static Command List(CliConsole console, ClusterOptions cluster)
    {
        var json = new Option<bool>("--json")
        {
            Description =
                "Print the searches as a JSON array of {\"searchId\", \"name\", \"state\", \"createdAt\", "
                + "\"updatedAt\"}.",
        };
        var command = new Command("list", "All searches on the cluster, oldest first.") { json };
        command.SetAction((parse, cancellationToken) =>
            cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                var searches =
                    (await client.GetGrain<ISearchRegistryGrain>(ISearchRegistryGrain.SingletonKey).ListAsync())
                        .OrderBy(s => s.CreatedAt).ToList();
                if (parse.GetValue(json))
                {
                    await console.Out.WriteLineAsync(CliJson.Serialize(searches));
                }
                else
                {
                    console.Ansi.Write(SearchListTable.Render(searches));
                }

                return ExitCodes.Success;
            }));
        return command;
    }

    private static Command Control(
        string name,
        string description,
        Func<ISearchGrain, Task> action,
        CliConsole console,
        ClusterOptions cluster)
    {
        var id = SearchIdArgument();
        var command = new Command(name, description) { id };
        command.SetAction((parse, cancellationToken) =>
            cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                var search = await ExistingAsync(client, parse.GetValue(id)!);
                await action(search);
                await console.Out.WriteLineAsync(SearchProgressView.Line(await search.GetStatusAsync()));
                return ExitCodes.Success;
            }));
        return command;
    }

    private static Command Export(CliConsole console, ClusterOptions cluster)
    {
        var id = SearchIdArgument();
        var output = new Option<string>("--out")
        {
            Description = "Folder to write the run folder to.",
            Required = true,
        };
        var command = new Command("export", "Write a search's run folder (history, hall of fame, plots, report).")
        {
            id, output,
        };
        command.SetAction((parse, cancellationToken) =>
            cluster.WithClientAsync(parse, cancellationToken, async client =>
            {
                var run = await SearchExporter.ReadAsync(client, parse.GetValue(id)!);
                RunFolderWriter.Write(run, parse.GetValue(output)!);
                await console.Out.WriteLineAsync(
                    $"wrote {parse.GetValue(output)} ({run.History.Count} evaluations, status {run.Status})");
                return ExitCodes.Success;
            }));
        return command;
    }

    private static Argument<string> SearchIdArgument() =>
        new("id") { Description = "The search id (from submit or list)." };

    private static async Task<ISearchGrain> ExistingAsync(IClusterClient client, string searchId)
    {
        var search = client.GetGrain<ISearchGrain>(searchId);
        return await search.GetSpecAsync() is null
            ? throw new InputException($"no search '{searchId}' on this cluster (see `evograins list`)")
            : search;
    }
}
