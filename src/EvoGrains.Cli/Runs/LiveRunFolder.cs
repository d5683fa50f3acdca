using System.Text;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// The run folder while its search runs: history.csv grows a row per result (each flushed as it is written, so a reader
/// sees whole rows), TensorBoard scalars follow the results, and hall-of-fame.json is replaced whole when it changes.
/// Started afresh on every start or resume, from the search's whole history so far; <see cref="RunFolderWriter"/>
/// writes the finished folder after it.
/// </summary>
public sealed class LiveRunFolder : IDisposable
{
    private readonly StreamWriter history;
    private readonly string folder;

    private LiveRunFolder(string folder, SearchSpec spec)
    {
        this.folder = folder;
        Events = RunTensorBoard.Replace(folder, spec);
        // Readers may open history.csv at any time; the writer shares it for reading only.
        history = new StreamWriter(
            new FileStream(
                Path.Combine(folder, RunFolderWriter.HistoryFile), FileMode.Create, FileAccess.Write, FileShare.Read),
            new UTF8Encoding(false));
        history.WriteLine(HistoryCsv.Header);
        history.Flush();
    }

    /// <summary>The folder's TensorBoard events, which the finished folder continues.</summary>
    public RunTensorBoard Events { get; }

    /// <summary>History rows written so far.</summary>
    public long Rows { get; private set; }

    public static LiveRunFolder Start(string folder, SearchSpec spec)
    {
        Directory.CreateDirectory(folder);
        return new LiveRunFolder(folder, spec);
    }

    /// <summary>The next results, in history order.</summary>
    public void Append(IReadOnlyList<HistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            history.WriteLine(HistoryCsv.Row(entry));
        }

        history.Flush();
        Rows += entries.Count;
        Events.Add(entries);
    }

    /// <summary>The screening shares at this snapshot.</summary>
    public void Screening(SearchStatus status) =>
        Events.Screening(
            status.RejectedByScreening, status.Deduplicated, status.EvaluationsDone, DateTimeOffset.UtcNow);

    public void HallOfFame(IReadOnlyList<HallOfFameEntry> entries) =>
        AtomicFile.WriteAllText(
            Path.Combine(folder, RunFolderWriter.HallOfFameFile), FinalResultsFiles.HallOfFame(entries, final: null));

    public void Dispose() => history.Dispose();
}
