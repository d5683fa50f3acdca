using System.Globalization;
using System.Text;
using EvoGrains.Core.Evolution;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// The report's per-method table: for each search method, its islands' evaluations (and promotions, when the search has
/// rungs), its best validation fitness, and its share of the hall of fame (where the best losses came from).
/// </summary>
public static class MethodTable
{
    public static string Format(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var islands = run.Spec.Islands;
        string MethodOf(int island) => StrategyFactory.MethodOf(islands, island);
        var rungs = run.Spec.Evaluation.EffectiveRungs.Count > 1;
        var text = new StringBuilder();
        text.AppendLine(rungs
            ? "| method | islands | evaluations | promotions | best validation fitness | share of the hall of fame |"
            : "| method | islands | evaluations | best validation fitness | share of the hall of fame |");
        text.AppendLine(rungs ? "|------|------|------|------|------|------|" : "|------|------|------|------|------|");
        foreach (var method in islands.Methods.Distinct())
        {
            var count = Enumerable.Range(0, islands.Count).Count(i => MethodOf(i) == method);
            var entries = run.History.Where(h => MethodOf(h.Island) == method).ToList();
            var best = entries
                .Where(h => double.IsFinite(h.Fitness))
                .Select(h => h.Fitness)
                .DefaultIfEmpty(double.NaN)
                .Max();
            var share = run.HallOfFame.Count == 0
                ? "—"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{100.0 * run.HallOfFame.Count(h => MethodOf(h.Island) == method) / run.HallOfFame.Count:F0}%");
            var promotions = rungs ? $" {entries.Count(h => h.Rung > 0)} |" : "";
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {method} | {count} | {entries.Count} |{promotions} "
                + $"{(double.IsFinite(best) ? best.ToString("F4", CultureInfo.InvariantCulture) : "—")} "
                + $"| {share} |"));
        }

        return text.ToString();
    }
}
