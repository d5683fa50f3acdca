using System.Globalization;
using EvoGrains.Cli.Cluster;
using EvoGrains.Core.Evaluation;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// Retrains one evaluation of a run folder exactly as the search did: the folder's spec at the rung the history
/// recorded, the search's seed and split, through the evaluator factory a silo's trainers use, with the threads a
/// local run's trainers get.
/// </summary>
public static class RunReplay
{
    /// <summary>
    /// Finds the evaluation; every problem with the folder, the hash or the rung is an <see cref="InputException"/>.
    /// </summary>
    /// <param name="rung">The rung to replay; null: the highest the loss reached.</param>
    public static ReplayPlan Plan(string folder, string hash, int? rung)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{folder}: no such run folder");
        }

        var specFile = Path.Combine(folder, "spec.json");
        if (!File.Exists(specFile))
        {
            throw new InputException($"{folder}: no spec.json (not a run folder)");
        }

        var spec = SearchSpecJson.Load(specFile);
        var historyFile = Path.Combine(folder, "history.csv");
        if (!File.Exists(historyFile))
        {
            throw new InputException($"{folder}: no history.csv (an unfinished search writes it when it ends)");
        }

        var rows = Find(HistoryCsv.Parse(File.ReadAllText(historyFile), historyFile), hash.Trim(), historyFile);
        var row = AtRung(rows, rung, spec.Evaluation.EffectiveRungs.Count);
        var loss = LossOf(row, historyFile);
        // A search job trains at its rung with the spec's seed (the trainers' EvaluatorCache.Effective).
        return new ReplayPlan(folder, spec, row, loss, row.Rung, spec.Evaluation.AtRung(row.Rung), spec.Seed);
    }

    public static async Task<ReplayReport> RunAsync(ReplayPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var services = new ServiceCollection()
            .AddEvoGrainsEvaluators(EmbeddedSilo.TrainingThreads(plan.Spec))
            .BuildServiceProvider();
        var factory = services.GetRequiredKeyedService<IEvaluatorFactory>(plan.Evaluation.Evaluator);
        if (factory.DataProblem(plan.Evaluation) is { } problem)
        {
            throw new InputException($"{Path.Combine(plan.Folder, "spec.json")}: {problem}");
        }

        // A trainer hands every pack to EvaluateBatchAsync; a pack of one is a lone run.
        var evaluator = factory.Create(plan.Evaluation, plan.Seed);
        var result = (await evaluator.EvaluateBatchAsync([new EvaluationCandidate(plan.Loss)], cancellationToken))
            .Single();
        var status = result.Status.ToString().ToLowerInvariant();
        return new ReplayReport
        {
            Hash = plan.Row.Hash,
            Expression = plan.Row.Expression,
            Rung = plan.Rung,
            Steps = plan.Evaluation.Steps,
            Seeds = plan.Evaluation.Seeds,
            Seed = plan.Seed,
            RecordedFitness = plan.Row.Fitness,
            RecordedSpread = plan.Row.Spread,
            RecordedStatus = plan.Row.Status,
            ReplayedFitness = result.Fitness,
            ReplayedSpread = result.Spread,
            ReplayedStatus = status,
            Seconds = result.Seconds,
            Verdict = Verdict(plan, result.Fitness, status),
        };
    }

    private static ReplayVerdict Verdict(ReplayPlan plan, double fitness, string status)
    {
        if (status != plan.Row.Status)
        {
            return ReplayVerdict.Differs;
        }

        // A member's run does not depend on the pack it trained in (PackedState aligns every member), so a replay on
        // the same kind of CPU with the same threads is the recorded run, bit for bit.
        return fitness.Equals(plan.Row.Fitness) ? ReplayVerdict.Identical : ReplayVerdict.Differs;
    }

    /// <summary>The rows of the one loss whose hash is or starts with <paramref name="hash"/>.</summary>
    private static List<HistoryRow> Find(IReadOnlyList<HistoryRow> history, string hash, string historyFile)
    {
        var matches = history
            .Where(r => r.Hash.StartsWith(hash, StringComparison.OrdinalIgnoreCase) && hash.Length > 0)
            .ToList();
        var hashes = matches.Select(r => r.Hash).Distinct(StringComparer.Ordinal).ToList();
        return hashes.Count switch
        {
            0 => throw new InputException($"{historyFile}: no evaluation with hash '{hash}'"),
            1 => matches,
            _ => throw new InputException(
                $"{historyFile}: hash prefix '{hash}' matches {hashes.Count} losses "
                + $"({string.Join(", ", hashes.Take(5))}{(hashes.Count > 5 ? ", ..." : "")}); give more digits"),
        };
    }

    private static HistoryRow AtRung(List<HistoryRow> rows, int? rung, int rungs)
    {
        var reached = rows.Max(r => r.Rung);
        if (rung is { } asked && (asked < 0 || asked >= rungs))
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture, $"--rung {asked}: the spec has rungs 0 to {rungs - 1}"));
        }

        var at = rung ?? reached;
        return rows.FirstOrDefault(r => r.Rung == at)
            ?? throw new InputException(string.Create(
                CultureInfo.InvariantCulture, $"--rung {at}: loss {rows[0].Hash} reached rung {reached} at most"));
    }

    /// <summary>
    /// The loss of a row, checked against its hash, so a misread expression cannot replay another loss.
    /// </summary>
    private static LossFunction LossOf(HistoryRow row, string historyFile)
    {
        LossFunction loss;
        try
        {
            loss = LossFunction.ParseDescription(row.Expression);
        }
        catch (ExpressionParseException error)
        {
            throw new InputException($"{historyFile}: line {row.Line}: expression does not parse: {error.Message}");
        }

        return loss.HashHex == row.Hash
            ? loss
            : throw new InputException(
                $"{historyFile}: line {row.Line}: expression hashes to {loss.HashHex}, not {row.Hash}");
    }
}
