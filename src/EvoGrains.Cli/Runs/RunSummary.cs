using System.Globalization;
using EvoGrains.Cli.Commands;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>What `local` prints when a search ends: the outcome, the three best losses and the final table.</summary>
public static class RunSummary
{
    public static void Write(CliConsole console, RunRecord run, string folder)
    {
        console.Out.WriteLine(
            $"search {run.SearchId}: {run.Status}, {run.History.Count} evaluations; run folder {folder} (report.md)");
        foreach (var (entry, rank) in run.HallOfFame.Take(3).Select((e, i) => (e, i + 1)))
        {
            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"  {rank}. {entry.Fitness:F4} (validation)  {entry.Expression}"));
        }

        if (run.Comparison.Count > 0)
        {
            console.Ansi.Write(
                ComparisonTable.Render(run.Comparison, $"{run.Final?.Split ?? FinalComparison.Validation} accuracy"));
        }
    }
}
