using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class SearchStatusTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_time_left_is_the_evaluations_budget_at_the_pace_so_far_without_other_limits()
    {
        var status = Status(done: 100, max: 600, perMinute: 50);

        Assert.Equal(TimeSpan.FromMinutes(10), status.SearchTimeLeft(Start.AddMinutes(2)));
    }

    [Fact]
    public void A_time_budget_that_ends_first_sets_the_time_left()
    {
        // At 50 evaluations a minute the evaluations would last 10 more minutes; the 3-minute budget has 1 left.
        var status = Status(done: 100, max: 600, perMinute: 50) with { MaxMinutes = 3 };

        Assert.Equal(TimeSpan.FromMinutes(1), status.SearchTimeLeft(Start.AddMinutes(2)));
        Assert.Equal(TimeSpan.Zero, status.SearchTimeLeft(Start.AddMinutes(5)));
    }

    [Fact]
    public void A_training_step_budget_that_ends_first_sets_the_time_left()
    {
        // 1,000 steps an evaluation, 50 evaluations a minute: 50,000 steps a minute; 100,000 steps are left.
        var status = Status(done: 100, max: 600, perMinute: 50) with { TrainingSteps = 100_000, MaxTrainingSteps = 200_000 };

        Assert.Equal(TimeSpan.FromMinutes(2), status.SearchTimeLeft(Start.AddMinutes(2)));
    }

    [Theory]
    [InlineData(SearchState.FinalStage)]
    [InlineData(SearchState.Paused)]
    [InlineData(SearchState.Completed)]
    public void Only_a_running_search_has_a_search_time_left(SearchState state)
    {
        var status = Status(done: 100, max: 600, perMinute: 50) with { State = state, MaxMinutes = 3 };

        Assert.Null(status.SearchTimeLeft(Start.AddMinutes(2)));
    }

    [Fact]
    public void Without_a_pace_only_the_time_budget_gives_a_time_left()
    {
        Assert.Null(Status(done: 0, max: 600, perMinute: 0).SearchTimeLeft(Start));
        Assert.Equal(TimeSpan.FromMinutes(2), (Status(done: 0, max: 600, perMinute: 0) with { MaxMinutes = 2 }).SearchTimeLeft(Start));
    }

    [Fact]
    public void The_final_stage_time_left_is_its_trainings_left_at_its_own_pace()
    {
        // 30 of 120 trainings in 3 minutes: 90 more take 9 minutes, whatever the searching's rate was.
        var status = Status(done: 600, max: 600, perMinute: 500) with
        {
            State = SearchState.FinalStage,
            FinalJobsDone = 30,
            FinalJobsTotal = 120,
            FinalStageStartedAt = Start.AddMinutes(10),
        };

        Assert.Equal(TimeSpan.FromMinutes(9), status.FinalStageTimeLeft(Start.AddMinutes(13)));
        Assert.Null(status.SearchTimeLeft(Start.AddMinutes(13)));
    }

    [Fact]
    public void The_final_stage_has_no_time_left_before_its_first_training_nor_outside_it()
    {
        var final = Status(done: 600, max: 600, perMinute: 500) with { State = SearchState.FinalStage, FinalJobsTotal = 120, FinalStageStartedAt = Start };

        Assert.Null(final.FinalStageTimeLeft(Start.AddMinutes(1)));
        Assert.Null((final with { FinalJobsDone = 120, State = SearchState.Completed }).FinalStageTimeLeft(Start.AddMinutes(1)));
        Assert.Null(Status(done: 1, max: 600, perMinute: 5).FinalStageTimeLeft(Start.AddMinutes(1)));
    }

    private static SearchStatus Status(long done, int max, double perMinute) =>
        new SearchStatus { SearchId = "s", Name = "n", State = SearchState.Running, EvaluationsDone = done, MaxEvaluations = max, InFlight = 0, RejectedByScreening = 0, Deduplicated = 0, LateResults = 0, EvaluationsPerMinute = perMinute, BestFitness = double.NaN, BestExpression = null, Islands = [], Trainers = 1, TrainerUtilisation = 0, FinalJobsDone = 0, FinalJobsTotal = 0, StartedAt = Start, EndedAt = null };
}
