using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>One injected fault and what it cost.</summary>
internal sealed record FaultMeasurement(
    string Fault,
    string Victim,
    string GrainsOnVictim,
    long EvaluationsAtKill,
    long LowestCountAfterKill,
    TimeSpan FirstAnswer,
    TimeSpan Recovery,
    TimeSpan TrainedAfterKill,
    TimeSpan? ReplacementReady,
    int RecordedBeforeKillLost)
{
    public static string Header =>
        "| fault | victim | grains on victim | evals at kill | lowest count after | first answer (s) | recovery (s) | first trained after kill (s) | replacement ready (s) | lost |" + "\n" +
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public string Row => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Fault} | {Victim} | {GrainsOnVictim} | {EvaluationsAtKill} | {LowestCountAfterKill} | {FirstAnswer.TotalSeconds:F1} | {Recovery.TotalSeconds:F1} | {TrainedAfterKill.TotalSeconds:F1} | {(ReplacementReady is { } r ? r.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(RecordedBeforeKillLost < 0 ? "(at the end)" : RecordedBeforeKillLost.ToString(CultureInfo.InvariantCulture))} |");
}

/// <summary>Keeps bench-results/fault-injection.md: one section per scenario, replaced on each run.</summary>
internal static partial class FaultReport
{
    private static readonly Lock Gate = new();

    public static string FilePath => Path.Combine(RepositoryRoot.Path, "bench-results", "fault-injection.md");

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
        text.AppendLine("Written by `tests/EvoGrains.FaultInjection.Tests` (`dotnet test tests/EvoGrains.FaultInjection.Tests`):");
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
