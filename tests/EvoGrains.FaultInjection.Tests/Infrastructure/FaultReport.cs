using System.Text;
using System.Text.RegularExpressions;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>
/// Keeps fault-injection.md, one section per scenario, replaced on each run: in the folder that
/// EVOGRAINS_BENCH_RESULTS names (point it at bench-results/ to update the committed results on
/// purpose), else in a temp folder, so an ordinary test run never rewrites a tracked file.
/// </summary>
internal static class FaultReport
{
    public const string FolderVariable = "EVOGRAINS_BENCH_RESULTS";

    private static readonly Lock Gate = new();

    public static string FilePath { get; } = Path.Combine(
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.Combine(Path.GetTempPath(), "evograins-bench-results"),
        "fault-injection.md");

    public static void Write(string scenario, string markdown)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var text = File.Exists(FilePath) ? File.ReadAllText(FilePath) : Preamble();
            var begin = $"<!-- begin {scenario} -->";
            var end = $"<!-- end {scenario} -->";
            var section = $"{begin}\n{markdown.TrimEnd()}\n{end}";
            var pattern = new Regex(Regex.Escape(begin) + ".*?" + Regex.Escape(end), RegexOptions.Singleline);
            text = pattern.IsMatch(text) ? pattern.Replace(text, section.Replace("$", "$$", StringComparison.Ordinal)) : text.TrimEnd() + "\n\n" + section + "\n";
            File.WriteAllText(FilePath, text);
        }
    }

    private static string Preamble()
    {
        var text = new StringBuilder();
        text.AppendLine("# Fault injection");
        text.AppendLine();
        text.AppendLine("Written by `tests/EvoGrains.FaultInjection.Tests` (`EVOGRAINS_BENCH_RESULTS=$PWD/bench-results dotnet test tests/EvoGrains.FaultInjection.Tests -c Release`):");
        text.AppendLine("real `EvoGrains.Silo` processes with Redis clustering and Redis grain storage on a real redis-server,");
        text.AppendLine("synthetic evaluator, silos killed with SIGKILL. *recovery*: time from the kill until the search's");
        text.AppendLine("evaluation count grows past its value at the kill. *first trained after kill*: until the history holds an evaluation");
        text.AppendLine("trained (not shared) and completed after the kill, so results already in flight at the kill do not count.");
        text.AppendLine("*first answer*: first successful status call after the kill. *lowest count after*: lowest evaluation count seen after the kill.");
        text.AppendLine("*lost*: evaluations in the history before the kill that are missing from the final history (must be 0);");
        text.AppendLine("every run also checks the final history holds each (island, hash) once with indices 0..n-1 and n = budget.");
        return text.ToString();
    }
}
