using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;
using static EvoGrains.Core.Tests.Search.Book.BookFixtures;

namespace EvoGrains.Core.Tests.Search.Book;

/// <summary>finalStage.transfer: the test round also trains every test arm in each setting with the test seeds, and completes with a table per setting.</summary>
public sealed class FinalStageTransferTests
{
    private static readonly TransferSpec Bigger = new() { Model = "resnet9", Steps = 30 };

    private static readonly TransferSpec Everything = new() { Name = "all images", TrainSubset = 0, Augment = "crop-flip" };

    private static SearchSpec TransferSpec(params TransferSpec[] settings) =>
        Spec(budget: 3, final: new FinalStageSpec { TopK = 2, Steps = 50, Seeds = 2, Baselines = ["ce", "focal"], Tune = [], Transfer = settings });

    [Fact]
    public void The_test_round_trains_every_arm_in_every_setting_with_the_test_seeds()
    {
        var spec = TransferSpec(Bigger, Everything);
        var book = InFinalStage(spec, "a", "b", "c");

        var jobs = book.MissingFinalJobs();

        var test = jobs.Where(j => j.Transfer is null).ToList();
        Assert.Equal(4 * 2, test.Count);
        Assert.Equal(4 * 2 * 3, jobs.Count);
        Assert.Equal(jobs.Count, jobs.Select(j => j.JobId).Distinct().Count());
        foreach (var setting in new[] { Bigger, Everything })
        {
            var transfer = jobs.Where(j => Equals(j.Transfer, setting)).ToList();
            Assert.Equal(["a", "b", "ce", "focal"], transfer.Select(j => j.Arm.Name).Distinct().Order());
            Assert.All(transfer, j => Assert.True(j.OnTestSet));
            Assert.Equal(test.Select(j => j.Seed).Distinct().Order(), transfer.Select(j => j.Seed).Distinct().Order());
        }

        Assert.All(jobs.Where(j => Equals(j.Transfer, Bigger)), j => Assert.Equal((30, (int?)null), (j.Steps, j.TrainSubset)));
        Assert.All(jobs.Where(j => Equals(j.Transfer, Everything)), j => Assert.Equal((50, (int?)0), (j.Steps, j.TrainSubset)));
        Assert.Equal((0, 24), (book.Status("s", null, T0).FinalJobsDone, book.Status("s", null, T0).FinalJobsTotal));
    }

    [Fact]
    public void A_transfer_job_trains_the_test_evaluation_with_the_settings_overrides()
    {
        var spec = TransferSpec(Bigger, Everything);
        var jobs = InFinalStage(spec, "a", "b", "c").MissingFinalJobs();

        var bigger = jobs.First(j => Equals(j.Transfer, Bigger));
        var everything = jobs.First(j => Equals(j.Transfer, Everything));
        var plain = jobs.First(j => j.Transfer is null);

        var test = spec.Evaluation.ForFinalJob(plain.Steps, plain.TrainSubset, plain.OnTestSet, plain.Transfer);
        Assert.Equal(FinalStage.TestEvaluation(spec), test);
        Assert.Equal(test with { Model = "resnet9", Steps = 30 }, spec.Evaluation.ForFinalJob(bigger.Steps, bigger.TrainSubset, bigger.OnTestSet, bigger.Transfer));
        Assert.Equal(test with { TrainSubset = 0, Augment = "crop-flip" }, spec.Evaluation.ForFinalJob(everything.Steps, everything.TrainSubset, everything.OnTestSet, everything.Transfer));
    }

    [Fact]
    public void The_search_completes_only_with_every_transfer_table_each_with_every_arm()
    {
        var book = InFinalStage(TransferSpec(Bigger, Everything), "a", "b", "c");
        var jobs = book.MissingFinalJobs();

        foreach (var job in jobs.SkipLast(1))
        {
            book.AcceptFinalResult(job.JobId, Result(Fitness(job)), T0);
        }

        Assert.Equal(SearchState.FinalStage, book.State);
        book.AcceptFinalResult(jobs[^1].JobId, Result(Fitness(jobs[^1])), T0);

        Assert.Equal(SearchState.Completed, book.State);
        var comparison = book.Comparison!;
        Assert.Equal(24, comparison.Trainings);
        Assert.Equal(["resnet9, 30 steps", "all images"], comparison.Transfer.Select(t => t.Name));
        Assert.Equal(["model resnet9 instead of small-cnn; 30 steps instead of 50", "the full training set instead of 10000 training images; augmentation crop-flip instead of none"], comparison.Transfer.Select(t => t.Differences));
        Assert.All(comparison.Transfer, t => Assert.Equal(comparison.Rows.Select(r => r.Name), t.Rows.Select(r => r.Name)));
        Assert.All(comparison.Transfer, t => Assert.All(t.Rows, r => Assert.Equal(2, r.Runs)));
        // Each table takes its own numbers and its own p-values against its own CE and best baseline.
        var bigger = comparison.Transfer[0];
        Assert.Equal(0.5, bigger.Rows.Single(r => r.Name == "ce").Mean, 9);
        Assert.Equal(0.7, comparison.Rows.Single(r => r.Name == "ce").Mean, 9);
        Assert.True(double.IsNaN(bigger.Rows.Single(r => r.Name == "ce").PValueVsCe));
        Assert.False(double.IsNaN(bigger.Rows.Single(r => r.Name == "a").PValueVsCe));
        Assert.Equal((24, 24), (book.Status("s", null, T0).FinalJobsDone, book.Status("s", null, T0).FinalJobsTotal));

        // Test table: ce 0.7, focal 0.6, a and b 0.8; resnet9: ce 0.5, the rest 0.4 + seed noise; all images: a 0.9.
        static double Fitness(FinalJob job) => (job.Transfer?.Model, job.Transfer?.Augment, job.Arm.Name) switch
        {
            (_, "crop-flip", "a") => 0.9,
            (_, "crop-flip", _) => 0.6,
            ("resnet9", _, "ce") => 0.5,
            ("resnet9", _, _) => 0.4 + (job.Seed % 2 * 0.01),
            (_, _, "ce") => 0.7,
            (_, _, "focal") => 0.6,
            _ => 0.8 + (job.Seed % 2 * 0.01),
        };
    }

    [Fact]
    public void Total_trainings_count_the_transfer_settings_after_rounds_and_tuning()
    {
        var spec = Spec(final: new FinalStageSpec
        {
            TopK = 4,
            Baselines = ["ce", "focal"],
            Tune = [new TunedFamilySpec { Family = "ls-ce", Grid = [[0.1], [0.3]] }],
            Rounds = [new FinalRoundSpec { Keep = 2, Steps = 10, Seeds = 2 }],
            TestSeeds = 3,
            Transfer = [Bigger, Everything],
        });

        // Round: (4 found + 2 grid points) x 2 seeds; test: (2 survivors + ce, focal + ls-ce*) x 3 seeds, in the test table and 2 settings.
        Assert.Equal((6 * 2) + (5 * 3 * 3), FinalStage.TotalTrainings(spec, 4));
    }

    [Fact]
    public void Transfer_only_jobs_and_tables_work_from_a_test_tables_arms()
    {
        var spec = TransferSpec(Bigger);
        var arms = new[] { ComparisonArm.Baseline("ce"), ComparisonArm.Baseline("ls-ce(0.3)") with { Name = "ls-ce(0.3)*" } };

        var jobs = FinalStage.TransferJobs(spec, arms);
        Assert.Null(FinalStage.TransferTables(spec, arms, jobs.Skip(1).ToDictionary(j => j.JobId, _ => Result(0.5))));
        var tables = FinalStage.TransferTables(spec, arms, jobs.ToDictionary(j => j.JobId, j => Result(j.Arm.Name == "ce" ? 0.5 : 0.6)))!;

        Assert.Equal(2 * 2, jobs.Count);
        var table = Assert.Single(tables);
        Assert.Equal(["ce", "ls-ce(0.3)*"], table.Rows.Select(r => r.Name));
        Assert.True(table.Rows[1].IsTuned);
        Assert.Equal((30, 2), (table.Steps, table.Seeds));
    }

    private static SearchBook InFinalStage(SearchSpec spec, params string[] hashes)
    {
        var book = new SearchBook(SearchRecord.Empty);
        book.Start(spec, "s", T0);
        book.Report(0, hashes.Select((h, i) => Entry(h, 0.9 - (i * 0.01))).ToList(), Island(0));
        Assert.True(book.BeginFinalStageIfDue(T0));
        return book;
    }
}
