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
            var text = Read();
            File.WriteAllText(FilePath, ReplaceSection(text, scenario, markdown));
        }
    }

    /// <summary>Adds <paramref name="row"/> to the table of <paramref name="scenario"/>, keeping its newest <paramref name="keep"/> rows.</summary>
    public static void AppendRow(string scenario, string heading, string header, string row, int keep)
    {
        lock (Gate)
        {
            var text = Read();
            var headerLines = header.Split('\n');
            var rows = Section(text, scenario)?.Split('\n')
                .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !headerLines.Contains(line))
                .ToList() ?? [];
            rows.Add(row);
            var markdown = $"{heading.TrimEnd()}\n\n{header}\n{string.Join('\n', rows.TakeLast(keep))}";
            File.WriteAllText(FilePath, ReplaceSection(text, scenario, markdown));
        }
    }

    private static string Read()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        return File.Exists(FilePath) ? File.ReadAllText(FilePath) : Preamble();
    }

    private static Regex SectionPattern(string scenario) =>
        new(Regex.Escape($"<!-- begin {scenario} -->") + "\n?(.*?)\n?" + Regex.Escape($"<!-- end {scenario} -->"), RegexOptions.Singleline);

    private static string? Section(string text, string scenario) =>
        SectionPattern(scenario).Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    private static string ReplaceSection(string text, string scenario, string markdown)
    {
        var section = $"<!-- begin {scenario} -->\n{markdown.TrimEnd()}\n<!-- end {scenario} -->";
        var pattern = SectionPattern(scenario);
        return pattern.IsMatch(text)
            ? pattern.Replace(text, section.Replace("$", "$$", StringComparison.Ordinal), 1)
            : text.TrimEnd() + "\n\n" + section + "\n";
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
