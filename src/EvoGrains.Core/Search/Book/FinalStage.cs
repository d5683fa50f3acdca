using System.Globalization;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search.Book;

/// <summary>
/// The final stage's rules: which losses enter (the top-K of the hall of fame, which holds one of any one-hot twins,
/// and every grid point of the tuned baseline families), the jobs of each round, which losses survive a round (the best
/// <c>keep</c> found losses, and per tuned family its best <c>keep</c> points, by mean validation accuracy, ties to the
/// earlier arm), and the test round of the surviving found losses against every baseline and each tuned family's best
/// point. Without rounds, a spec that tunes gets one validation round in which only the grid points train. CE is
/// always a baseline because the p-values are taken against it. The test round also trains every arm of the test table
/// in each transfer setting (<c>finalStage.transfer</c>) with the test seeds; it is complete when the test table and
/// every transfer table are.
/// </summary>
public static class FinalStage
{
    public static FinalStageRecord Begin(SearchSpec spec, IReadOnlyList<HallOfFameEntry> hallOfFame)
    {
        var pool = hallOfFame.Take(spec.FinalStage.TopK)
            .Select(h => new ComparisonArm(h.Hash, false, h.Expression, h.Loss))
            .ToList();
        var arms = Rounds(spec).Count == 0
            ? [.. pool, .. Baselines(spec.FinalStage)]
            : pool.Concat(TuningGrid(spec)).ToList();
        return new FinalStageRecord(0, arms, new Dictionary<string, EvaluationResult>(StringComparer.Ordinal), []);
    }

    public static IReadOnlyList<ComparisonArm> Baselines(FinalStageSpec final) =>
        final.Baselines.Prepend(ArmComparison.CrossEntropy)
            .Select(ComparisonArm.Baseline).DistinctBy(arm => arm.Name, StringComparer.Ordinal).ToList();

    /// <summary>The tuned families: the spec's, or the defaults of its regime.</summary>
    public static IReadOnlyList<TunedFamilySpec> Tuning(SearchSpec spec) =>
        spec.FinalStage.Tune ?? TunedFamilySpec.Defaults(spec.Evaluation.LabelNoise > 0);

    /// <summary>Every grid point of every tuned family, one arm per loss.</summary>
    public static IReadOnlyList<ComparisonArm> TuningGrid(SearchSpec spec) =>
        Tuning(spec).SelectMany(t => t.Points()).Select(ComparisonArm.Baseline).ToList();

    /// <summary>
    /// The validation rounds before the test round: the spec's, or the tuning round when it tunes without rounds.
    /// </summary>
    public static IReadOnlyList<FinalRoundSpec> Rounds(SearchSpec spec)
    {
        var final = spec.FinalStage;
        return final.Rounds.Count > 0 || Tuning(spec).Count == 0
            ? final.Rounds
            : [new FinalRoundSpec { Keep = Math.Max(1, final.TopK), Steps = final.Steps, Seeds = final.Seeds }];
    }

    public static bool IsTestRound(SearchSpec spec, FinalStageRecord record) => record.Round >= Rounds(spec).Count;

    public static int Seeds(SearchSpec spec, int round) =>
        round < Rounds(spec).Count ? Rounds(spec)[round].Seeds : spec.FinalStage.EffectiveTestSeeds;

    /// <summary>
    /// Seed i is the same for every loss of a round (paired comparisons) and differs from the search's and other
    /// rounds' seeds.
    /// </summary>
    public static int Seed(SearchSpec spec, int round, int seedIndex) =>
        round < Rounds(spec).Count ? spec.Seed + 2000 + (100 * round) + seedIndex : TestSeed(spec, seedIndex);

    public static int TestSeed(SearchSpec spec, int seedIndex) => spec.Seed + 1000 + seedIndex;

    public static string JobId(SearchSpec spec, int round, int arm, int seedIndex) => round < Rounds(spec).Count
        ? string.Create(CultureInfo.InvariantCulture, $"final:r{round}:{arm}:{seedIndex}")
        : string.Create(CultureInfo.InvariantCulture, $"final:test:{arm}:{seedIndex}");

    public static string TransferJobId(int setting, int arm, int seedIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"final:transfer{setting}:{arm}:{seedIndex}");

    /// <summary>
    /// The test table's evaluation: the spec's evaluation with the final stage's steps, measured on the test set.
    /// </summary>
    public static EvaluationSpec TestEvaluation(SearchSpec spec) =>
        spec.Evaluation.ForFinalJob(spec.FinalStage.Steps, null, onTestSet: true);

    public static IReadOnlyList<FinalJob> Jobs(SearchSpec spec, FinalStageRecord record)
    {
        var test = IsTestRound(spec, record);
        var round = test ? null : Rounds(spec)[record.Round];
        var steps = round?.Steps ?? spec.FinalStage.Steps;
        var seeds = Seeds(spec, record.Round);
        var jobs = (from arm in Trained(spec, record)
                    from seed in Enumerable.Range(0, seeds)
                    select new FinalJob(
                        JobId(spec, record.Round, arm, seed), record.Arms[arm], steps,
                        Seed(spec, record.Round, seed), round?.TrainSubset, test)).ToList();
        return test ? [.. jobs, .. TransferJobs(spec, record.Arms)] : jobs;
    }

    /// <summary>
    /// Every transfer training of the test table's <paramref name="arms"/>: per setting, each arm with each test seed
    /// (seed i the test table's seed i), measured on the test set; a setting's jobs seed by seed, so jobs that train
    /// alike are adjacent.
    /// </summary>
    public static IReadOnlyList<FinalJob> TransferJobs(SearchSpec spec, IReadOnlyList<ComparisonArm> arms)
    {
        var final = spec.FinalStage;
        return (from setting in Enumerable.Range(0, final.Transfer.Count)
                let transfer = final.Transfer[setting]
                from seed in Enumerable.Range(0, final.EffectiveTestSeeds)
                from arm in Enumerable.Range(0, arms.Count)
                select new FinalJob(
                    TransferJobId(setting, arm, seed), arms[arm], transfer.Steps ?? final.Steps,
                    TestSeed(spec, seed), transfer.TrainSubset, true, transfer)).ToList();
    }

    /// <summary>
    /// Each transfer setting's table of <paramref name="arms"/> once every (setting, arm, seed) has a result; null
    /// while some are missing.
    /// </summary>
    public static IReadOnlyList<TransferResult>? TransferTables(
        SearchSpec spec, IReadOnlyList<ComparisonArm> arms, IReadOnlyDictionary<string, EvaluationResult> results)
    {
        var final = spec.FinalStage;
        var seeds = final.EffectiveTestSeeds;
        var test = TestEvaluation(spec);
        var tables = new List<TransferResult>();
        for (var setting = 0; setting < final.Transfer.Count; setting++)
        {
            var runs = new List<IReadOnlyList<EvaluationResult?>>();
            for (var arm = 0; arm < arms.Count; arm++)
            {
                var armRuns = new List<EvaluationResult?>();
                for (var seed = 0; seed < seeds; seed++)
                {
                    if (!results.TryGetValue(TransferJobId(setting, arm, seed), out var result))
                    {
                        return null;
                    }

                    armRuns.Add(result);
                }

                runs.Add(armRuns);
            }

            var transfer = final.Transfer[setting];
            tables.Add(new TransferResult(
                transfer.Label(test), transfer, transfer.Differences(test), transfer.Steps ?? final.Steps, seeds,
                ArmComparison.Compare(arms, runs)));
        }

        return tables;
    }

    /// <summary>
    /// Moves past every round whose results are all in; returns the comparison once the test round is complete.
    /// </summary>
    public static (FinalStageRecord Record, FinalComparison? Comparison) Advance(
        SearchSpec spec,
        FinalStageRecord record,
        DateTimeOffset now)
    {
        var rounds = Rounds(spec);
        while (true)
        {
            var trained = Trained(spec, record);
            var rows = Table(spec, record, trained);
            if (rows is null)
            {
                return (record, null);
            }

            if (IsTestRound(spec, record))
            {
                var final = spec.FinalStage;
                return TransferTables(spec, record.Arms, record.Results) is { } transfer
                    ? (record, new FinalComparison
                    {
                        Steps = final.Steps,
                        Seeds = final.EffectiveTestSeeds,
                        Rows = rows,
                        CompletedAt = now,
                        Split = FinalComparison.Test,
                        Rounds = record.Finished,
                        Trainings = DoneTrainings(spec, record),
                        Transfer = transfer,
                    })
                    : (record, null);
            }

            var round = rounds[record.Round];
            var last = record.Round == rounds.Count - 1;
            var mean = trained.Select((arm, row) => (arm, row)).ToDictionary(
                t => t.arm, t => double.IsNaN(rows[t.row].Mean) ? double.NegativeInfinity : rows[t.row].Mean);
            var kept = Enumerable.Range(0, record.Arms.Count)
                .Where(i => !mean.ContainsKey(i))
                .Concat(Best(mean.Keys.Where(i => !record.Arms[i].IsBaseline), round.Keep))
                .Concat(mean.Keys.Where(i => record.Arms[i].IsBaseline).GroupBy(i => Family(record.Arms[i].Name))
                    .SelectMany(family => Best(family, last ? 1 : round.Keep)))
                .Order()
                .Select(i => record.Arms[i])
                .ToList();
            var finished = new FinalRoundResult(
                record.Round, round.Steps, round.Seeds, round.TrainSubset, rows, kept.Select(a => a.Name).ToList());
            var next = record.Round + 1;
            IReadOnlyList<ComparisonArm> nextArms = next < rounds.Count
                ? kept
                : [
                    .. kept.Where(a => !a.IsBaseline), .. Baselines(spec.FinalStage),
                    .. kept.Where(a => a.IsBaseline).Select(a => a with { Name = a.Name + ComparisonArm.TunedMark })];
            record = new FinalStageRecord(
                next, nextArms, new Dictionary<string, EvaluationResult>(StringComparer.Ordinal),
                [.. record.Finished, finished]);

            IEnumerable<int> Best(IEnumerable<int> arms, int keep) =>
                arms.OrderByDescending(i => mean[i]).ThenBy(i => i).Take(keep);
        }
    }

    /// <summary>
    /// Every training the final stage will run for a pool of <paramref name="pool"/> losses, the transfer settings'
    /// included.
    /// </summary>
    public static int TotalTrainings(SearchSpec spec, int pool)
    {
        var rounds = Rounds(spec);
        var grid = Tuning(spec).Select(t => t.Grid.Count).ToList();
        var total = 0;
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            var foundTrained = spec.FinalStage.Rounds.Count > 0 ? pool : 0;
            total += (foundTrained + grid.Sum()) * round.Seeds;
            pool = Math.Min(pool, foundTrained > 0 ? round.Keep : pool);
            grid = grid.Select(points => Math.Min(points, i == rounds.Count - 1 ? 1 : round.Keep)).ToList();
        }

        return total
            + ((pool + Baselines(spec.FinalStage).Count + grid.Count)
                * spec.FinalStage.EffectiveTestSeeds * (1 + spec.FinalStage.Transfer.Count));
    }

    public static int DoneTrainings(SearchSpec spec, FinalStageRecord record) =>
        record.Finished.Sum(r => r.Rows.Count * r.Seeds) + record.Results.Count;

    /// <summary>The family of a tuning grid point or tuned arm, by its name.</summary>
    public static string Family(string gridPoint) =>
        LossZoo.Lookup(gridPoint.TrimEnd(ComparisonArm.TunedMark[0])).Family.Name;

    // The arms (by index) the current round trains: all of them, but in a tuning round without the spec's rounds only
    // the grid points.
    private static IReadOnlyList<int> Trained(SearchSpec spec, FinalStageRecord record) =>
        Enumerable.Range(0, record.Arms.Count)
            .Where(i => IsTestRound(spec, record) || spec.FinalStage.Rounds.Count > 0 || record.Arms[i].IsBaseline)
            .ToList();

    // The round's table of the trained arms once every (arm, seed) has a result; null while some are missing.
    private static IReadOnlyList<ComparisonRow>? Table(
        SearchSpec spec,
        FinalStageRecord record,
        IReadOnlyList<int> trained)
    {
        var seeds = Seeds(spec, record.Round);
        var runs = new List<IReadOnlyList<EvaluationResult?>>();
        foreach (var arm in trained)
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

        var arms = trained.Select(i => record.Arms[i]).ToList();
        return IsTestRound(spec, record) ? ArmComparison.Compare(arms, runs) : ArmComparison.Rank(arms, runs);
    }
}
