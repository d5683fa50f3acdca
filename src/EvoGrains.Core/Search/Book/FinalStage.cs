using System.Globalization;

namespace EvoGrains.Core.Search.Book;

/// <summary>
/// The final stage's rules: which losses enter (the top-K of the hall of fame, which holds one of any one-hot twins), the jobs of each round, which
/// losses survive a round (the best <c>keep</c> by mean validation accuracy, ties to the better hall-of-fame
/// rank), and the test round of the survivors against every baseline. CE is always a baseline because the
/// p-values are taken against it.
/// </summary>
public static class FinalStage
{
    public static FinalStageRecord Begin(SearchSpec spec, IReadOnlyList<HallOfFameEntry> hallOfFame)
    {
        var pool = hallOfFame.Take(spec.FinalStage.TopK).Select(h => new ComparisonArm(h.Hash, false, h.Expression, h.Loss)).ToList();
        var record = new FinalStageRecord(0, pool, new Dictionary<string, EvaluationResult>(StringComparer.Ordinal), []);
        return spec.FinalStage.Rounds.Count == 0 ? record with { Arms = [.. pool, .. Baselines(spec.FinalStage)] } : record;
    }

    public static IReadOnlyList<ComparisonArm> Baselines(FinalStageSpec final) =>
        final.Baselines.Prepend(ArmComparison.CrossEntropy).Select(ComparisonArm.Baseline).DistinctBy(arm => arm.Name, StringComparer.Ordinal).ToList();

    public static bool IsTestRound(SearchSpec spec, FinalStageRecord record) => record.Round >= spec.FinalStage.Rounds.Count;

    public static int Seeds(SearchSpec spec, int round) =>
        round < spec.FinalStage.Rounds.Count ? spec.FinalStage.Rounds[round].Seeds : spec.FinalStage.EffectiveTestSeeds;

    /// <summary>Seed i is the same for every loss of a round (paired comparisons) and differs from the search's and other rounds' seeds.</summary>
    public static int Seed(SearchSpec spec, int round, int seedIndex) =>
        round < spec.FinalStage.Rounds.Count ? spec.Seed + 2000 + (100 * round) + seedIndex : spec.Seed + 1000 + seedIndex;

    public static string JobId(SearchSpec spec, int round, int arm, int seedIndex) => round < spec.FinalStage.Rounds.Count
        ? string.Create(CultureInfo.InvariantCulture, $"final:r{round}:{arm}:{seedIndex}")
        : string.Create(CultureInfo.InvariantCulture, $"final:test:{arm}:{seedIndex}");

    public static IReadOnlyList<FinalJob> Jobs(SearchSpec spec, FinalStageRecord record)
    {
        var test = IsTestRound(spec, record);
        var round = test ? null : spec.FinalStage.Rounds[record.Round];
        var steps = round?.Steps ?? spec.FinalStage.Steps;
        var seeds = Seeds(spec, record.Round);
        return (from arm in Enumerable.Range(0, record.Arms.Count)
                from seed in Enumerable.Range(0, seeds)
                select new FinalJob(JobId(spec, record.Round, arm, seed), record.Arms[arm], steps, Seed(spec, record.Round, seed), round?.TrainSubset, test)).ToList();
    }

    /// <summary>Moves past every round whose results are all in; returns the comparison once the test round is complete.</summary>
    public static (FinalStageRecord Record, FinalComparison? Comparison) Advance(SearchSpec spec, FinalStageRecord record, DateTimeOffset now)
    {
        while (true)
        {
            var rows = Table(spec, record);
            if (rows is null)
            {
                return (record, null);
            }

            if (IsTestRound(spec, record))
            {
                var final = spec.FinalStage;
                return (record, new FinalComparison(final.Steps, final.EffectiveTestSeeds, rows, now, FinalComparison.Test, record.Finished, DoneTrainings(spec, record)));
            }

            var round = spec.FinalStage.Rounds[record.Round];
            var kept = Enumerable.Range(0, rows.Count)
                .OrderByDescending(i => double.IsNaN(rows[i].Mean) ? double.NegativeInfinity : rows[i].Mean)
                .ThenBy(i => i)
                .Take(round.Keep)
                .Order()
                .Select(i => record.Arms[i])
                .ToList();
            var finished = new FinalRoundResult(record.Round, round.Steps, round.Seeds, round.TrainSubset, rows, kept.Select(a => a.Name).ToList());
            var next = record.Round + 1;
            record = new FinalStageRecord(
                next,
                next < spec.FinalStage.Rounds.Count ? kept : [.. kept, .. Baselines(spec.FinalStage)],
                new Dictionary<string, EvaluationResult>(StringComparer.Ordinal),
                [.. record.Finished, finished]);
        }
    }

    /// <summary>Every training the final stage will run for a pool of <paramref name="pool"/> losses.</summary>
    public static int TotalTrainings(SearchSpec spec, int pool)
    {
        var final = spec.FinalStage;
        var total = 0;
        foreach (var round in final.Rounds)
        {
            total += pool * round.Seeds;
            pool = Math.Min(pool, round.Keep);
        }

        return total + ((pool + Baselines(final).Count) * final.EffectiveTestSeeds);
    }

    public static int DoneTrainings(SearchSpec spec, FinalStageRecord record) =>
        record.Finished.Sum(r => r.Rows.Count * r.Seeds) + record.Results.Count;

    // The round's table once every (arm, seed) has a result; null while some are missing.
    private static IReadOnlyList<ComparisonRow>? Table(SearchSpec spec, FinalStageRecord record)
    {
        var seeds = Seeds(spec, record.Round);
        var runs = new List<IReadOnlyList<EvaluationResult?>>();
        for (var arm = 0; arm < record.Arms.Count; arm++)
        {
            var armRuns = new List<EvaluationResult?>();
            for (var seed = 0; seed < seeds; seed++)
            {
                if (!record.Results.TryGetValue(JobId(spec, record.Round, arm, seed), out var result))
                {
                    return null;
                }

                armRuns.Add(result);
            }

            runs.Add(armRuns);
        }

        return IsTestRound(spec, record) ? ArmComparison.Compare(record.Arms, runs) : ArmComparison.Rank(record.Arms, runs);
    }
}
