using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

public sealed class FinalStageTests
{
    private static readonly FinalStageSpec Elimination = new()
    {
        TopK = 5,
        Steps = 80,
        Baselines = ["focal"],
        Tune = [],
        Rounds = [new FinalRoundSpec { Keep = 3, Steps = 20, Seeds = 2, TrainSubset = 500 }, new FinalRoundSpec { Keep = 1, Steps = 40, Seeds = 1 }],
    };

    [Fact]
    public void Baseline_arms_take_canonical_names_and_one_arm_per_loss()
    {
        var final = new FinalStageSpec { Baselines = ["CE", "ls-ce", "ls-ce(0.1)", "LS-CE(0.3)", "sce(0.1, 1)", "nce + rce(1, 10)"] };

        var arms = FinalStage.Baselines(final);

        Assert.Equal(["ce", "ls-ce", "ls-ce(0.3)", "sce(0.1,1)", "nce+rce"], arms.Select(a => a.Name));
        Assert.All(arms, a => Assert.True(a.IsBaseline));
        Assert.Equal("1*nce", arms[^1].Loss.Normalized);
        Assert.Equal(0.3, arms[2].Loss.LabelSmoothing);
    }

    [Fact]
    public void Without_rounds_the_top_k_and_the_baselines_train_once_on_the_test_set()
    {
        var book = InFinalStage(Spec(budget: 3), "a", "b", "c");

        var jobs = book.MissingFinalJobs();

        Assert.Equal(["a", "b", "ce", "focal"], jobs.Select(j => j.Arm.Name).Distinct());
        Assert.Equal(4 * 2, jobs.Count);
        Assert.All(jobs, j => Assert.True(j.OnTestSet && j.Steps == 50 && j.TrainSubset is null));
        Assert.Equal(jobs.Where(j => j.Arm.Name == "a").Select(j => j.Seed), jobs.Where(j => j.Arm.Name == "ce").Select(j => j.Seed));
        Finish(book);
        Assert.Equal(SearchState.Completed, book.State);
        Assert.Equal((FinalComparison.Test, 8, 0), (book.Comparison!.Split, book.Comparison.Trainings, book.Comparison.Rounds.Count));
        Assert.True(double.IsNaN(book.Comparison.Rows.Single(r => r.Name == "ce").PValueVsCe));
    }

    [Fact]
    public void Rounds_keep_the_best_by_validation_mean_and_the_survivors_meet_every_baseline_on_test()
    {
        var book = InFinalStage(Spec(budget: 5, final: Elimination), "a", "b", "c", "d", "e");
        var status = book.Status("s", null, T0);
        Assert.Equal((0, (5 * 2) + (3 * 1) + ((1 + 2) * 10)), (status.FinalJobsDone, status.FinalJobsTotal));

        var first = book.MissingFinalJobs();
        Assert.Equal(10, first.Count);
        Assert.All(first, j => Assert.True(!j.OnTestSet && j.Steps == 20 && j.TrainSubset == 500));
        // Validation means in round 0: d best, then b, then c and e tie (c ranks higher in the hall of fame).
        Answer(book, first, new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.8, ["c"] = 0.5, ["d"] = 0.9, ["e"] = 0.5 });
        var second = book.MissingFinalJobs();
        Assert.Equal(["b", "c", "d"], second.Select(j => j.Arm.Name));
        Assert.Equal(1, book.Final!.Round);

        Answer(book, second, new Dictionary<string, double> { ["b"] = 0.7, ["c"] = 0.95, ["d"] = 0.6 });
        var test = book.MissingFinalJobs();
        Assert.Equal(["c", "ce", "focal"], test.Select(j => j.Arm.Name).Distinct());
        Assert.All(test, j => Assert.True(j.OnTestSet && j.Steps == 80));
        Assert.Equal(30, test.Count);

        Finish(book);
        var comparison = book.Comparison!;
        Assert.Equal((43, 10, FinalComparison.Test), (comparison.Trainings, comparison.Seeds, comparison.Split));
        Assert.Equal([["b", "c", "d"], ["c"]], comparison.Rounds.Select(r => r.Kept));
        Assert.Equal([5, 3], comparison.Rounds.Select(r => r.Rows.Count));
        Assert.All(comparison.Rows, r => Assert.Equal(10, r.Runs));
        Assert.Equal((43, 43), (book.Status("s", null, T0).FinalJobsDone, book.Status("s", null, T0).FinalJobsTotal));
    }

    [Fact]
    public void An_interrupted_final_stage_resumes_from_its_record_with_the_same_outcome()
    {
        var straight = InFinalStage(Spec(budget: 5, final: Elimination), "a", "b", "c", "d", "e");
        var interrupted = InFinalStage(Spec(budget: 5, final: Elimination), "a", "b", "c", "d", "e");
        var fitness = new Dictionary<string, double> { ["a"] = 0.3, ["b"] = 0.2, ["c"] = 0.9, ["d"] = 0.4, ["e"] = 0.8 };

        Answer(straight, straight.MissingFinalJobs(), fitness);
        var jobs = interrupted.MissingFinalJobs();
        Answer(interrupted, jobs.Take(4).ToList(), fitness);
        var resumed = new SearchBook(interrupted.Record);
        Assert.Equal(6, resumed.MissingFinalJobs().Count);
        Answer(resumed, resumed.MissingFinalJobs(), fitness);

        Assert.Equal(straight.MissingFinalJobs().Select(j => j.JobId), resumed.MissingFinalJobs().Select(j => j.JobId));
        Assert.Equal(["c", "d", "e"], resumed.Final!.Finished[0].Kept);
    }

    [Fact]
    public void Results_of_other_rounds_and_repeats_are_ignored()
    {
        var book = InFinalStage(Spec(budget: 5, final: Elimination), "a", "b", "c", "d", "e");
        var first = book.MissingFinalJobs();

        Assert.True(book.AcceptFinalResult(first[0].JobId, Result(0.5), T0));
        Assert.False(book.AcceptFinalResult(first[0].JobId, Result(0.9), T0));
        Assert.False(book.AcceptFinalResult("final:test:0:0", Result(0.9), T0));
        Assert.Equal(0.5, book.Final!.Results[first[0].JobId].Fitness);
        Assert.Equal(9, book.MissingFinalJobs().Count);
    }

    [Fact]
    public void Default_tuning_follows_the_regime()
    {
        var clean = Spec(final: new FinalStageSpec());
        var noisy = clean with { Evaluation = clean.Evaluation with { LabelNoise = 0.4 } };

        Assert.Equal(["ls-ce", "poly1"], FinalStage.Tuning(clean).Select(t => t.Family));
        Assert.Equal(["ls-ce", "poly1", "gce", "sce"], FinalStage.Tuning(noisy).Select(t => t.Family));
        Assert.Equal(
            ["ls-ce(0.05)", "ls-ce", "ls-ce(0.2)", "ls-ce(0.3)", "ls-ce(0.5)", "ls-ce(0.7)", "ls-ce(0.9)", "poly1(-1)", "poly1(0.5)", "poly1", "poly1(2)", "poly1(4)",
             "gce(0.3)", "gce(0.5)", "gce", "gce(0.9)", "sce", "sce(0.1,1)", "sce(1,1)"],
            FinalStage.TuningGrid(noisy).Select(a => a.Name));
        Assert.Empty(FinalStage.Tuning(Spec(final: new FinalStageSpec { Tune = [] })));
    }

    [Fact]
    public void Without_rounds_only_the_grid_trains_on_validation_and_each_familys_best_point_meets_the_found_losses_on_test()
    {
        var final = new FinalStageSpec { TopK = 2, Steps = 50, Seeds = 2, Baselines = ["focal"], Tune = [Grid("ls-ce", 0.1, 0.5, 0.9), Grid("gce", 0.3, 0.7)] };
        var spec = Spec(budget: 3, final: final);
        var book = InFinalStage(spec, "a", "b", "c");
        Assert.Equal((2 * 5) + ((2 + 2 + 2) * 2), book.Status("s", null, T0).FinalJobsTotal);

        var tuning = book.MissingFinalJobs();
        Assert.Equal(["ls-ce", "ls-ce(0.5)", "ls-ce(0.9)", "gce(0.3)", "gce"], tuning.Select(j => j.Arm.Name).Distinct());
        Assert.All(tuning, j => Assert.True(!j.OnTestSet && j.Steps == 50 && j.TrainSubset is null));
        Assert.Equal([spec.Seed + 2000, spec.Seed + 2001], tuning.Where(j => j.Arm.Name == "gce").Select(j => j.Seed));
        Answer(book, tuning, new Dictionary<string, double> { ["ls-ce"] = 0.5, ["ls-ce(0.5)"] = 0.7, ["ls-ce(0.9)"] = 0.6, ["gce(0.3)"] = 0.4, ["gce"] = 0.4 });

        var test = book.MissingFinalJobs();
        Assert.Equal(["a", "b", "ce", "focal", "ls-ce(0.5)*", "gce(0.3)*"], test.Select(j => j.Arm.Name).Distinct());
        Assert.All(test, j => Assert.True(j.OnTestSet && j.Seed - spec.Seed is 1000 or 1001));
        Finish(book);
        var comparison = book.Comparison!;
        Assert.Equal(SearchState.Completed, book.State);
        Assert.Equal(22, comparison.Trainings);
        Assert.Equal(["ls-ce", "ls-ce(0.5)", "ls-ce(0.9)", "gce(0.3)", "gce"], comparison.Rounds.Single().Rows.Select(r => r.Name));
        Assert.Equal(["a", "b", "ls-ce(0.5)", "gce(0.3)"], comparison.Rounds.Single().Kept);
        Assert.Equal([false, false, false, false, true, true], comparison.Rows.Select(r => r.IsTuned));
        Assert.Equal(0.5, comparison.Rows.Single(r => r.Name == "ls-ce(0.5)*").Loss.LabelSmoothing);
    }

    [Fact]
    public void With_rounds_each_family_keeps_its_best_points_like_the_found_losses_and_sends_one_to_test()
    {
        var final = Elimination with { Tune = [Grid("poly1", -1, 1, 2, 4)] };
        var book = InFinalStage(Spec(budget: 5, final: final), "a", "b", "c", "d", "e");
        Assert.Equal(((5 + 4) * 2) + ((3 + 3) * 1) + ((1 + 2 + 1) * 10), book.Status("s", null, T0).FinalJobsTotal);

        var first = book.MissingFinalJobs();
        Assert.Equal(18, first.Count);
        Answer(book, first, new Dictionary<string, double>
        {
            ["a"] = 0.1, ["b"] = 0.8, ["c"] = 0.5, ["d"] = 0.9, ["e"] = 0.5, ["poly1(-1)"] = 0.2, ["poly1"] = 0.6, ["poly1(2)"] = 0.7, ["poly1(4)"] = 0.65,
        });
        var second = book.MissingFinalJobs();
        Assert.Equal(["b", "c", "d", "poly1", "poly1(2)", "poly1(4)"], second.Select(j => j.Arm.Name));

        Answer(book, second, new Dictionary<string, double> { ["b"] = 0.7, ["c"] = 0.95, ["d"] = 0.6, ["poly1"] = 0.9, ["poly1(2)"] = 0.7, ["poly1(4)"] = 0.8 });
        Assert.Equal(["c", "ce", "focal", "poly1*"], book.MissingFinalJobs().Select(j => j.Arm.Name).Distinct());
        Finish(book);
        Assert.Equal(book.Status("s", null, T0).FinalJobsTotal, book.Comparison!.Trainings);
        Assert.Equal([["b", "c", "d", "poly1", "poly1(2)", "poly1(4)"], ["c", "poly1"]], book.Comparison.Rounds.Select(r => r.Kept));
    }

    private static TunedFamilySpec Grid(string family, params double[] values) => new() { Family = family, Grid = values.Select(v => (IReadOnlyList<double>)[v]).ToList() };

    private static SearchBook InFinalStage(SearchSpec spec, params string[] hashes)
    {
        var book = new SearchBook(SearchRecord.Empty);
        book.Start(spec, "s", T0);
        book.Report(0, hashes.Select((h, i) => Entry(h, 0.9 - (i * 0.01))).ToList(), Island(0));
        Assert.True(book.BeginFinalStageIfDue(T0));
        return book;
    }

    private static void Answer(SearchBook book, IEnumerable<FinalJob> jobs, IReadOnlyDictionary<string, double> fitness)
    {
        foreach (var job in jobs)
        {
            Assert.True(book.AcceptFinalResult(job.JobId, Result(fitness[job.Arm.Name]), T0));
        }
    }

    private static void Finish(SearchBook book)
    {
        foreach (var job in book.MissingFinalJobs())
        {
            book.AcceptFinalResult(job.JobId, Result(0.8 + (job.Seed % 7 * 0.001)), T0.AddHours(1));
        }
    }
}
