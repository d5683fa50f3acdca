using System.Globalization;
using System.Text;
using EvoGrains.Cli.Commands;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;

namespace EvoGrains.Cli.Runs;

/// <summary>report.md: what was searched, how it went, the best losses as code, lineage, and the final table.</summary>
public static class RunReport
{
    public const int TopLosses = 5;

    /// <summary>
    /// final.md of `evograins final`: the answer and the final comparison of a final stage run again.
    /// </summary>
    public static string FormatFinal(RunRecord run, string source)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# Final stage of `{run.Spec.Name}` run again ({source})"));
        text.AppendLine();
        Answer(text, run);
        FinalSection(text, run);
        return text.ToString();
    }

    /// <param name="run">The run.</param>
    /// <param name="described">Its hall of fame described (<see cref="DescribedLoss.Of"/>); worked out here when not
    /// given.</param>
    public static string Format(RunRecord run, IReadOnlyList<DescribedLoss>? described = null)
    {
        described ??= DescribedLoss.Of(run.HallOfFame);
        var spec = run.Spec;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# EvoGrains search `{run.SearchId}` ({spec.Name})"));
        text.AppendLine();
        Answer(text, run);
        AnswerFigure(text, run);
        Methods(text, run);
        Summary(text, run);
        text.AppendLine();
        text.AppendLine("![fitness over evaluations](fitness.png)");
        text.AppendLine();
        text.AppendLine("![best fitness per island](islands.png)");
        text.AppendLine();
        text.AppendLine("![t(y=1,p) of the top losses and CE](loss-curves-true-class.png)");
        text.AppendLine();

        text.AppendLine("## Best losses");
        text.AppendLine();
        text.AppendLine("log, 1/x and a/b are protected as in training: log|x| + 1e-7, 1/(x + 1e-7), a/(b + 1e-7).");
        text.AppendLine(OneHotNote);
        text.AppendLine();
        foreach (var loss in described.Take(TopLosses))
        {
            var entry = loss.Entry;
            text.AppendLine(
                Invariant($"### {loss.Rank}. validation fitness ")
                + Invariant($"{entry.Fitness:F4}{Spread(entry.Spread)}{AtRung(spec, entry.Rung)} ({entry.Seeds} ")
                + Invariant($"seed(s)) — `{entry.Hash}` (island {entry.Island}, {entry.Operator})"));
            text.AppendLine();
            text.AppendLine(Invariant($"Infix: `{entry.Expression}`"));
            text.AppendLine();
            text.AppendLine(
                Invariant($"One-hot halves: `{loss.Loss.OneHot.TrueClassText}` for the true class, ")
                + Invariant($"`{loss.Loss.OneHot.OtherClassText}` for the others."));
            text.AppendLine();
            text.AppendLine(Invariant($"Nearest known loss: {Nearest(loss)}."));
            text.AppendLine();
            text.AppendLine(
                Invariant($"![one-hot halves of loss {loss.Rank} beside CE and its nearest known loss]")
                + Invariant($"({loss.PlotFile})"));
            text.AppendLine();
            text.AppendLine("$$");
            text.AppendLine(LatexPrinter.Print(loss.Loss));
            text.AppendLine("$$");
            text.AppendLine();
            text.AppendLine("```python");
            text.Append(CodePrinter.PyTorch(loss.Loss));
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("```csharp");
            text.Append(CodePrinter.TorchSharp(loss.Loss));
            text.AppendLine("```");
            text.AppendLine();
        }

        if (described.Count > TopLosses)
        {
            text.AppendLine("## The rest of the hall of fame");
            text.AppendLine();
            text.AppendLine(
                "| rank | validation fitness | hash | true class | other classes | nearest known loss | plot |");
            text.AppendLine(
                "|------|--------------------|------|------------|---------------|--------------------|------|");
            foreach (var loss in described.Skip(TopLosses))
            {
                var halves = loss.Loss.OneHot;
                text.AppendLine(
                    Invariant($"| {loss.Rank} | {loss.Entry.Fitness:F4}{AtRung(spec, loss.Entry.Rung)} | ")
                    + Invariant($"`{loss.Entry.Hash}` | `{halves.TrueClassText}` | `{halves.OtherClassText}` | ")
                    + Invariant($"{Nearest(loss)} | [{loss.PlotFile}]({loss.PlotFile}) |"));
            }

            text.AppendLine();
        }

        if (run.HallOfFame.Count > 0)
        {
            text.AppendLine("## Lineage of the best");
            text.AppendLine();
            foreach (var line in Lineage(run.HallOfFame[0].Hash, run.History))
            {
                text.AppendLine(line);
            }

            text.AppendLine();
        }

        FinalSection(text, run);
        return text.ToString();
    }

    /// <summary>
    /// The report's first words: the best found loss against CE and the strongest baseline, on the final table's split.
    /// </summary>
    private static void Answer(StringBuilder text, RunRecord run)
    {
        var found = run.Comparison.Where(r => !r.IsBaseline).MaxBy(r => r.Mean);
        var strongest = run.Comparison.Where(r => r.IsBaseline).MaxBy(r => r.Mean);
        if (run.Final is not { } final || found is null || strongest is null)
        {
            return;
        }

        var verdict = found.Mean <= strongest.Mean ? "does not beat"
            : found.PValueVsBestBaseline < 0.05 ? "beats"
            : "is ahead of, but not significantly (Welch p >= 0.05),";
        text.AppendLine("## Answer");
        text.AppendLine();
        text.AppendLine(
            Invariant($"On the **{final.Split} set** ({final.Seeds} seeds, {final.Steps} steps each, every arm ")
            + Invariant($"alike), the best found loss `{found.Expression}` ({found.Mean:F4}) {verdict} the ")
            + Invariant($"strongest baseline, {strongest.Name} ({strongest.Mean:F4})."));
        text.AppendLine();
        text.AppendLine(
            Invariant($"| loss | {final.Split} accuracy | 95% CI | p vs CE (Welch / paired) | p vs ")
            + Invariant($"{strongest.Name} (Welch / paired) |"));
        text.AppendLine("|------|------|------|------|------|");
        var ce = run.Comparison.FirstOrDefault(r => r.IsBaseline && r.Name == "ce");
        foreach (var row in new[] { found, ce, strongest }.OfType<ComparisonRow>().Distinct())
        {
            text.AppendLine(
                Invariant($"| {(row.IsBaseline ? row.Name : $"found: `{row.Name}`")} | {row.Mean:F4} ± ")
                + Invariant($"{row.StandardDeviation:F4} | ±{row.ConfidenceHalfWidth:F4} | ")
                + Invariant($"{ComparisonTable.Pair(row.PValueVsCe, row.PairedPValueVsCe)} | ")
                + Invariant($"{ComparisonTable.Pair(row.PValueVsBestBaseline, row.PairedPValueVsBestBaseline)} |"));
        }

        text.AppendLine();
    }

    /// <summary>The final table's arms as a figure, under the answer.</summary>
    private static void AnswerFigure(StringBuilder text, RunRecord run)
    {
        if (run.Final is { } final && run.Comparison.Count > 0)
        {
            text.AppendLine(
                Invariant($"![{final.Split} accuracy per arm with 95% intervals]({FinalAccuracyPlot.FileName})"));
            text.AppendLine();
        }
    }

    private static void Methods(StringBuilder text, RunRecord run)
    {
        if (run.History.Count == 0)
        {
            return;
        }

        text.AppendLine("## Methods");
        text.AppendLine();
        text.Append(MethodTable.Format(run));
        text.AppendLine();
    }

    private static void FinalSection(StringBuilder text, RunRecord run)
    {
        text.AppendLine("## Final comparison against the baselines");
        text.AppendLine();
        if (run.Comparison.Count == 0 || run.Final is not { } final)
        {
            text.AppendLine("No final stage ran (the search did not complete, or finalStage.topK is 0).");
            return;
        }

        if (final.Rounds.Count > 0)
        {
            var tuned = final.Rounds.Any(r => r.Rows.Any(row => row.IsBaseline));
            text.AppendLine(tuned
                ? "### Validation rounds: elimination of the found losses, tuning of the baseline families"
                : "### Elimination rounds (validation accuracy)");
            text.AppendLine();
            if (tuned)
            {
                text.AppendLine(TuningBudget(run, final));
                text.AppendLine();
            }

            text.AppendLine("| round | steps | seeds | training images | trained (mean validation accuracy) | kept |");
            text.AppendLine("|-------|-------|-------|-----------------|------------------------------------|------|");
            foreach (var round in final.Rounds)
            {
                var trained = string.Join(", ", round.Rows.Select(r => Invariant($"`{r.Name}` {r.Mean:F4}")));
                var images = round.TrainSubset is { } subset ? Invariant($"{subset}") : "evaluation's";
                text.AppendLine(
                    Invariant($"| {round.Round + 1} | {round.Steps} | {round.Seeds} | {images} | {trained} | ")
                    + Invariant($"{string.Join(", ", round.Kept.Select(k => $"`{k}`"))} |"));
            }

            text.AppendLine();
        }

        var split = final.Split;
        text.AppendLine(Invariant($"### Final table ({split} accuracy)"));
        text.AppendLine();
        text.AppendLine(
            Invariant($"{(final.Rounds.Count > 0 ? "Survivors" : "The finalists")} and baselines each retrained ")
            + Invariant($"{final.Seeds} times for {final.Steps} steps (seed i is the same for every loss) and ")
            + Invariant($"measured on the **{split} set**: mean ± std, 95% confidence interval of the mean, Welch ")
            + "/ paired (same-seed) p-values against CE and against the best baseline (the baseline "
            + Invariant($"with the highest mean). The final stage ran {final.Trainings} trainings."));
        text.AppendLine();
        text.Append(ComparisonTable.Format(run.Comparison, $"{split} accuracy"));
        if (run.Comparison.Any(r => r.IsTuned))
        {
            text.AppendLine();
            text.AppendLine(
                "`*`: the best point of a baseline family's grid on validation (tuned above), then measured on "
                + $"the {split} set like every arm.");
        }

        TransferSection(text, run, final);
    }

    /// <summary>
    /// One table per transfer setting, in the final table's form, then every arm's rank in each table and its mean
    /// rank.
    /// </summary>
    private static void TransferSection(StringBuilder text, RunRecord run, FinalComparison final)
    {
        if (final.Transfer.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("### Transfer: the final table's arms in settings the search never saw");
        text.AppendLine();
        text.AppendLine(
            "Every arm of the final table (survivors, baselines, tuned baselines with the point "
            + "chosen on validation) retrained in each setting with the final table's seeds (seed i the "
            + Invariant($"same for every loss) and measured on the **{final.Split} set**; p-values as in the final ")
            + "table.");
        foreach (var transfer in final.Transfer)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"#### {transfer.Name}"));
            text.AppendLine();
            text.AppendLine(
                Invariant($"Differs from the final table: {transfer.Differences}. {transfer.Seeds} seeds, ")
                + Invariant($"{transfer.Steps} steps each."));
            text.AppendLine();
            text.Append(ComparisonTable.Format(Ranked(run, final, transfer.Rows), $"{final.Split} accuracy"));
        }

        var ranks = RankSummary.Of(final);
        var names = Ranked(run, final, ranks.Rows.Select(r => final.Rows.First(row => row.Name == r.Name)).ToList())
            .Select(r => r.Name)
            .ToList();
        text.AppendLine();
        text.AppendLine("#### Mean rank across settings");
        text.AppendLine();
        text.AppendLine(
            Invariant($"Each arm's rank by mean {final.Split} accuracy in the final table and in each transfer ")
            + "setting (1 is the best; ties share the mean of their ranks), best mean rank first.");
        text.AppendLine();
        text.AppendLine("| loss | " + string.Join(" | ", ranks.Settings) + " | mean rank |");
        text.AppendLine("|------|" + string.Concat(ranks.Settings.Select(_ => "------|")) + "------|");
        foreach (var (row, name) in ranks.Rows.Zip(names))
        {
            text.AppendLine(
                Invariant($"| {name} | {string.Join(" | ", row.Ranks.Select(Rank))} | {Rank(row.MeanRank)} |"));
        }
    }

    // Rows named as the final table prints them (an evolved loss by its hall-of-fame rank and hash).
    private static IReadOnlyList<ComparisonRow> Ranked(
        RunRecord run,
        FinalComparison final,
        IReadOnlyList<ComparisonRow> rows) =>
        RunRecord.RankedRows(final with { Rows = rows }, run.HallOfFame);

    private static string Rank(double rank) =>
        double.IsNaN(rank) ? "—" : rank.ToString("0.##", CultureInfo.InvariantCulture);

    // The baselines get the tuning effort the found losses' final rounds get; say what that cost next to what the
    // search cost.
    private static string TuningBudget(RunRecord run, FinalComparison final)
    {
        var grid = final.Rounds.Sum(r => r.Rows.Count(row => row.IsBaseline) * r.Seeds);
        var gridSteps = final.Rounds.Sum(r => (long)r.Rows.Count(row => row.IsBaseline) * r.Seeds * r.Steps);
        var found = final.Rounds.Sum(r => r.Rows.Count(row => !row.IsBaseline) * r.Seeds);
        var foundSteps = final.Rounds.Sum(r => (long)r.Rows.Count(row => !row.IsBaseline) * r.Seeds * r.Steps);
        var families = final.Rounds[0].Rows
            .Where(r => r.IsBaseline)
            .Select(r => FinalStage.Family(r.Name))
            .Distinct()
            .ToList();
        return Invariant($"Tuning budget of the baselines: {families.Count} families ({string.Join(", ", families)}), ")
            + Invariant($"{final.Rounds[0].Rows.Count(r => r.IsBaseline)} grid points, {grid} trainings, ")
            + Invariant($"{gridSteps} training steps on validation, ")
            + "with the seeds and steps of the found losses' rounds."
            + (run.History.Count > 0
                ? Invariant($" The found losses were selected by the search ({run.History.Sum(h => h.TrainingSteps)} ")
                    + Invariant($"training steps over {run.History.Count} evaluations) and then")
                : " The found losses were")
            + Invariant($" trained {found} times ({foundSteps} steps) in these rounds.");
    }

    private const string OneHotNote =
        "Labels are one-hot, so a loss is two functions of p: its one-hot halves t(1, p) for the true class and "
        + "t(0, p) for each other class (simplified; the search trains one loss per pair of halves). Its nearest "
        + "known loss is the zoo member whose gradient dL/dz on fixed 10-class probe logits (confidently wrong to "
        + "confidently right, each sample weighted alike) points the same way, with the scale that fits best (with "
        + "Adam a constant factor barely changes training).";

    private static string Nearest(DescribedLoss loss) =>
        loss.Nearest?.ToString() ?? "none (its gradient on the probes is zero or not finite)";

    private static IEnumerable<string> Lineage(string hash, IReadOnlyList<HistoryEntry> history)
    {
        var byHash = history.GroupBy(h => h.Hash).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<string>();
        var current = hash;
        for (var generation = 0;
            generation < 12 && byHash.TryGetValue(current, out var entry) && seen.Add(current);
            generation++)
        {
            yield return
                Invariant($"{generation + 1}. `{entry.Expression}` — fitness {entry.Fitness:F4}, ")
                + Invariant($"{entry.Operator} (evaluation {entry.Index}, island {entry.Island})");
            if (entry.Parents.Count == 0)
            {
                yield break;
            }

            current = entry.Parents[0];
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What was searched, with which fitness and budget, and what it spent.</summary>
    private static void Summary(StringBuilder text, RunRecord run)
    {
        var spec = run.Spec;
        text.AppendLine(
            Invariant($"Status: **{run.Status}**. {run.History.Count} evaluations; {run.RejectedByScreening} ")
            + Invariant($"candidates rejected by screening and {run.Deduplicated} duplicates skipped before ")
            + "training.");
        text.AppendLine();
        var migrates = spec.Migration.Count > 0 && spec.Islands.Count > 1;
        text.AppendLine(
            Invariant($"- islands: {spec.Islands.Count} ({string.Join(", ", spec.Islands.Methods)}; ")
            + Invariant($"{spec.Islands.Space} space), population {spec.Islands.PopulationSize}, ")
            + Invariant($"{spec.Islands.InFlight} in flight each")
            + (migrates
                ? $"; migration of {spec.Migration.Count} every {spec.Migration.Every} results "
                    + $"({spec.Migration.Topology})"
                : ""));
        var ladder = spec.Evaluation.EffectiveRungs;
        var rungs = string.Join(" -> ", ladder.Select(r => Invariant($"{r.Steps} steps x {r.Seeds} seed(s)")));
        var trained = ladder.Count > 1
            ? Invariant($"rungs {rungs}, ")
                + Invariant($"the best {spec.Evaluation.Promote:P0} of a rung promoted")
            : Invariant($"{ladder[0].Steps} steps x {ladder[0].Seeds} seed(s)");
        text.AppendLine(
            Invariant($"- fitness: {spec.Evaluation.Evaluator} — {spec.Evaluation.Model} on ")
            + Invariant($"{spec.Evaluation.Dataset}, batches of {spec.Evaluation.BatchSize}, {trained}; mean ")
            + Invariant($"validation accuracy over the seeds on {spec.Evaluation.ValidationSize} held-out training ")
            + "images"
            + (spec.Evaluation.LabelNoise > 0 ? $", {spec.Evaluation.LabelNoise:P0} of training labels noisy" : ""));
        var promotions = ladder.Count > 1
            ? Invariant($", {run.History.Count(h => h.Rung > 0)} of them promotions")
            : "";
        text.AppendLine(
            Invariant($"- budget: {spec.Budget.MaxEvaluations} evaluations")
            + (spec.Budget.MaxTrainingSteps > 0 ? $" or {spec.Budget.MaxTrainingSteps} training steps" : "")
            + (spec.Budget.MaxMinutes > 0 ? $" or {spec.Budget.MaxMinutes} minutes" : "")
            + "; "
            + Invariant($"spent: {run.History.Sum(h => h.TrainingSteps)} training steps (steps x seeds) over ")
            + Invariant($"{run.History.Count} evaluations{promotions}"));
        if (run.Final is not null)
        {
            text.AppendLine(
                Invariant($"- end of the searching: {Count(run.CancelledTrainings, "training")} still running ")
                + "then cancelled, so the final stage had every trainer at once; "
                + Invariant($"{Count(run.LateResults, "result")} that arrived after the end not counted"));
        }
        if (run.History.Count > 0)
        {
            var firstBest = run.History.Take(Math.Max(1, run.History.Count / 5)).Max(h => h.Fitness);
            text.AppendLine(
                Invariant($"- best validation fitness: {run.History.Max(h => h.Fitness):F4} (best of the first ")
                + Invariant($"fifth of the search: {firstBest:F4}; median of all evaluations: ")
                + Invariant($"{Median(run.History.Select(h => h.Fitness)):F4})"));
        }

    }

    /// <summary>Which rung a fitness was measured at, said only when the search has rungs.</summary>
    private static string AtRung(SearchSpec spec, int rung) =>
        spec.Evaluation.EffectiveRungs.Count > 1 ? Invariant($" at rung {rung}") : "";

    private static string Count(long count, string noun) => Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Spread(double spread) => double.IsFinite(spread) ? Invariant($" ± {spread:F4}") : "";
}
