using EvoGrains.Abstractions;
using EvoGrains.Cli.Commands;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;
using EvoGrains.Training.Data;

namespace EvoGrains.Cli.Cluster;

/// <summary>
/// Runs one search on an embedded silo and writes its run folder, which grows while the search runs
/// (<see cref="LiveRunFolder"/>). Cancelling pauses the search and
/// stops the silo cleanly; running it again on the same folder resumes where it stopped.
/// </summary>
public static class LocalSearch
{
    public const string SearchIdFile = "search-id";
    public const string StateFolder = "state";

    /// <summary>Starts (or resumes) the search in <paramref name="folder"/> and follows it to the end.</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="newSpec">The search to start; null resumes the one in <paramref name="folder"/>.</param>
    /// <param name="console">Where progress and messages go.</param>
    /// <param name="output">How progress is shown.</param>
    /// <param name="cancellationToken">Stops the run: the search is paused, to be resumed.</param>
    /// <param name="webPort">Serve the web page on 127.0.0.1 at this port (0: a free one) and print its address; null:
    /// none.</param>
    /// <returns>The final run record, or null when cancelled before the end.</returns>
    public static async Task<RunRecord?> RunAsync(
        string folder, SearchSpec? newSpec, CliConsole console, ProgressOutput output,
        CancellationToken cancellationToken, int? webPort = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (searchId, spec) = newSpec is null ? Load(folder) : Create(folder, newSpec);
        await using var silo = await EmbeddedSilo.StartAsync(
            Path.Combine(folder, StateFolder), spec, CancellationToken.None, webPort);
        var search = silo.Client.GetGrain<ISearchGrain>(searchId);
        var status = newSpec is null
            ? await search.GetStatusAsync()
            : await SearchCommands.StartAsync(silo.Client, searchId, spec);
        if (silo.WebAddress is { } web)
        {
            // On stderr, as the other lines about the run: with --json-progress stdout holds only status objects.
            await console.Error.WriteLineAsync($"web page: {WebPage(web, searchId)}");
        }

        if (status.State == SearchState.Paused)
        {
            await search.ResumeAsync();
            await console.Error.WriteLineAsync($"resumed {searchId} at {status.EvaluationsDone} evaluations");
        }

        RunTensorBoard events;
        using (var live = LiveRunFolder.Start(folder, spec))
        {
            try
            {
                await SearchProgressView.FollowAsync(
                    RunFolderFollower.FollowAsync(
                        search.WatchAsync(cancellationToken), search, live, cancellationToken),
                    console, output, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await search.PauseAsync();
                var paused = await search.GetStatusAsync();
                await console.Error.WriteLineAsync(
                    $"stopped at {paused.EvaluationsDone} evaluations; "
                    + $"continue with: evograins local --resume {folder}");
                return null;
            }

            events = live.Events;
        }

        var run = await SearchExporter.ReadAsync(silo.Client, searchId);
        RunFolderWriter.Write(run, folder, events);
        return run;
    }

    /// <summary>The search's page on the silo's web host.</summary>
    public static Uri WebPage(Uri webAddress, string searchId) =>
        new(webAddress, "/searches/" + Uri.EscapeDataString(searchId));

    private static (string SearchId, SearchSpec Spec) Create(string folder, SearchSpec spec)
    {
        if (File.Exists(Path.Combine(folder, SearchIdFile)))
        {
            throw new InputException(
                $"{folder} already holds a search; continue it with --resume {folder} or choose another --out");
        }

        Directory.CreateDirectory(folder);
        var searchId = SearchCommands.NewSearchId(spec.Name);
        File.WriteAllText(Path.Combine(folder, "spec.json"), SearchSpecJson.Write(spec));
        File.WriteAllText(Path.Combine(folder, SearchIdFile), searchId);
        return (searchId, spec);
    }

    private static (string SearchId, SearchSpec Spec) Load(string folder)
    {
        var idFile = Path.Combine(folder, SearchIdFile);
        if (!File.Exists(idFile))
        {
            throw new InputException($"{folder}: no search to resume here (missing {SearchIdFile})");
        }

        var specFile = Path.Combine(folder, "spec.json");
        return (File.ReadAllText(idFile).Trim(), CheckData(SearchSpecJson.Load(specFile), specFile));
    }

    /// <summary>
    /// Fails fast, as an input error naming the data file, when the search's data or model does not load.
    /// </summary>
    public static SearchSpec CheckData(SearchSpec spec, string specFile)
    {
        _ = InspectData(spec, specFile);
        return spec;
    }

    /// <summary>
    /// What the spec's data resolves to (`data check`); an input error naming the file when it does not load.
    /// </summary>
    public static DataCheckResult InspectData(SearchSpec spec, string specFile)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = DataCheck.Inspect(spec.Evaluation);
        return result.Problem is { } problem ? throw new InputException($"{specFile}: {problem}") : result;
    }
}
