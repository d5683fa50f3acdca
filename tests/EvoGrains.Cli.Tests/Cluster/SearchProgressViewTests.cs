using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Runs;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>A failed search says why wherever its state is shown: status and watch lines, and the report.</summary>
public sealed class SearchProgressViewTests
{
    private const string Reason = "DatasetException: /data/train-images-idx3-ubyte.gz: file not found";

    [Fact]
    public void A_failed_search_shows_its_reason_in_the_line_and_the_report()
    {
        var failed = Status(SearchState.Failed) with { Failure = Reason };

        Assert.Equal($"Failed ({Reason})", SearchProgressView.StateText(failed));
        Assert.StartsWith($"Failed ({Reason}) 3/200 done", SearchProgressView.Line(failed), StringComparison.Ordinal);
        Assert.StartsWith("Running    3/200 done", SearchProgressView.Line(Status(SearchState.Running)), StringComparison.Ordinal);

        var run = new RunRecord("s", new SearchSpec { Name = "unit" }, failed.State, failed.Failure, [], [], [], null, 0, 0);
        var folder = Path.Combine(Path.GetTempPath(), "evograins-failed-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunFolderWriter.Write(run, folder);
            Assert.Contains($"Status: **Failed ({Reason})**", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_final_stage_shows_its_own_trainings_and_eta_and_not_the_searchings()
    {
        var final = Status(SearchState.FinalStage) with
        {
            MaxMinutes = 1,
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-4),
            FinalJobsDone = 30,
            FinalJobsTotal = 120,
            FinalStageStartedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
        };

        var line = SearchProgressView.Line(final);

        Assert.Contains(", final stage 30/120 trainings, ETA 09:0", line, StringComparison.Ordinal);
        Assert.Equal(line.IndexOf("ETA", StringComparison.Ordinal), line.LastIndexOf("ETA", StringComparison.Ordinal));
        Assert.DoesNotContain(" of 01:00", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_shows_training_steps_spent_and_what_is_left_of_a_step_budget()
    {
        var running = Status(SearchState.Running) with { TrainingSteps = 12_000 };

        Assert.Contains(", 12000 training steps, ", SearchProgressView.Line(running), StringComparison.Ordinal);
        Assert.Contains(", 12000/50000 training steps (38000 left), ", SearchProgressView.Line(running with { MaxTrainingSteps = 50_000 }), StringComparison.Ordinal);
        Assert.Contains(", 51000/50000 training steps (0 left), ", SearchProgressView.Line(running with { TrainingSteps = 51_000, MaxTrainingSteps = 50_000 }), StringComparison.Ordinal);
    }

    private static SearchStatus Status(SearchState state) =>
        new SearchStatus { SearchId = "s", Name = "unit", State = state, EvaluationsDone = 3, MaxEvaluations = 200, InFlight = 0, RejectedByScreening = 0, Deduplicated = 0, LateResults = 0, EvaluationsPerMinute = 1.5, BestFitness = double.NaN, BestExpression = null, Islands = [], Trainers = 2, TrainerUtilisation = 0.5, FinalJobsDone = 0, FinalJobsTotal = 0, StartedAt = null, EndedAt = null };
}
