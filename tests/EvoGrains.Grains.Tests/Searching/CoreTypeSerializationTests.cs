using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Core types cross grains through generated serializers: every field survives the round trip.</summary>
public sealed class CoreTypeSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly LossText Loss = LossText.From(LossZoo.Get("focal"));

    [Fact]
    public void A_history_entry_keeps_every_field()
    {
        var entry = new HistoryEntry { Index = 7, Island = 2, Hash = "ab12", Expression = "-(y * log(p))", Loss = Loss, Genome = "genome", Fitness = 0.83, Status = EvaluationStatus.EarlyStopped, Seconds = 1.5, Operator = "mutate", Parents = ["p1", "p2"], Failure = "why", Shared = true, CompletedAt = DateTimeOffset.UnixEpoch.AddDays(3), Permanent = true, Sequence = 41 };

        var back = RoundTrip(entry);

        Assert.Equal(entry with { Parents = back.Parents }, back);
        Assert.Equal(entry.Parents, back.Parents);
    }

    [Fact]
    public void A_spec_arrives_as_the_same_spec_with_its_lists()
    {
        var spec = new SearchSpec { Name = "wire", Seed = 9, Islands = new IslandSpec { Count = 3, Methods = ["gp", "random"], Space = "tree" }, FinalStage = new FinalStageSpec { Baselines = ["ce", "ngl"], Tune = [new TunedFamilySpec { Family = "sce", Grid = [[0.1, 1], [1, 1]] }] } };

        var back = RoundTrip(new IslandAssignment("s", 1, spec)).Spec;

        Assert.Equal(SearchSpecJson.Write(spec), SearchSpecJson.Write(back));
        Assert.Equal(["gp", "random"], back.Islands.Methods);
    }

    [Fact]
    public void Results_statuses_and_comparisons_keep_their_values()
    {
        var result = new EvaluationResult(0.5, EvaluationStatus.Failed, 2, "nan", 0.7) { TrainerId = "s/3", Permanent = true };
        Assert.Equal(result, RoundTrip(result));
        var status = RoundTrip(new SearchStatus { SearchId = "s", Name = "n", State = SearchState.Failed, EvaluationsDone = 3, MaxEvaluations = 10, InFlight = 0, RejectedByScreening = 0, Deduplicated = 0, LateResults = 0, EvaluationsPerMinute = 1, BestFitness = double.NaN, BestExpression = null, Islands = [], Trainers = 2, TrainerUtilisation = 0.5, FinalJobsDone = 0, FinalJobsTotal = 0, StartedAt = null, EndedAt = null, Failure = "gone", TrainingSteps = 7, MaxTrainingSteps = 70, MaxMinutes = 2.5 });
        Assert.Equal((SearchState.Failed, "gone", 7L, 70L, 2.5), (status.State, status.Failure, status.TrainingSteps, status.MaxTrainingSteps, status.MaxMinutes));
        var record = RoundTrip(EvoGrains.Core.Search.Book.SearchRecord.Empty with { State = SearchState.Failed, Failure = "gone", Reported = new Dictionary<int, long> { [0] = 12, [3] = 4 } });
        Assert.Equal((SearchState.Failed, "gone"), (record.State, record.Failure));
        Assert.Equal(new Dictionary<int, long> { [0] = 12, [3] = 4 }, record.Reported);
        Assert.Empty(RoundTrip(EvoGrains.Core.Search.Book.SearchRecord.Empty).Reported);

        var evaluation = new EvaluationSpec { Steps = 17, Model = "mlp" };
        Assert.Equal(evaluation, RoundTrip(new TrainerAssignment("s", evaluation, 30)).Evaluation);

        var row = new ComparisonRow { Name = "ce", IsBaseline = true, Expression = "x", Loss = Loss, Fitnesses = [0.1, 0.2], Mean = 0.15, StandardDeviation = 0.07, ConfidenceHalfWidth = 0.6, PValueVsCe = double.NaN, PairedPValueVsCe = 0.3, PValueVsBestBaseline = 0.4, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 1.2, FailedRuns = 1 };
        var round = new FinalRoundResult(0, 100, 2, 500, [row], ["ce"]);
        var comparison = RoundTrip(new FinalComparison { Steps = 600, Seeds = 2, Rows = [row], CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [round], Trainings = 9 });
        Assert.Equal((FinalComparison.Test, 9, 500, "ce"), (comparison.Split, comparison.Trainings, comparison.Rounds[0].TrainSubset, comparison.Rounds[0].Kept[0]));
        Assert.Equal(row with { Fitnesses = comparison.Rows[0].Fitnesses }, comparison.Rows[0]);
        Assert.Equal(row.Fitnesses, comparison.Rows[0].Fitnesses);

        var summary = new SearchSummary("s", "n", SearchState.FinalStage, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.Equal(summary, RoundTrip(summary));
    }

    [Fact]
    public void A_zoo_baseline_job_keeps_its_normalised_terms_and_an_evolved_loss_has_none()
    {
        var baseline = LossZoo.Get("nce+nnce(5,5)");
        var job = new EvaluationJob("j", "s", JobKind.Final, "nce+nnce(5,5)", LossText.From(baseline), 10, 1, 30);

        var back = RoundTrip(job);

        Assert.Equal(job, back);
        Assert.Equal(baseline, back.Loss.ToLoss());
        Assert.Null(RoundTrip(Loss).Normalized);
    }

    [Fact]
    public void A_transfer_job_keeps_its_setting_and_a_comparison_its_transfer_tables()
    {
        var setting = new TransferSpec { Name = "big", Model = "resnet9", TrainSubset = 0, LabelNoise = 0.2, Steps = 300, BatchSize = 128, LearningRate = 0.002, Augment = "crop-flip" };
        var job = new EvaluationJob("final:transfer0:1:2", "s", JobKind.Final, "ce", Loss, 300, 1002, 30, 0, true, Transfer: setting);

        var back = RoundTrip(job);

        Assert.Equal(job, back);
        Assert.True(back.TrainsLike(job));
        Assert.False(back.TrainsLike(job with { Transfer = setting with { Augment = "none" } }));
        Assert.False(back.TrainsLike(job with { Transfer = null }));

        var row = new ComparisonRow { Name = "ce", IsBaseline = true, Expression = "x", Loss = Loss, Fitnesses = [0.1, 0.2], Mean = 0.15, StandardDeviation = 0.07, ConfidenceHalfWidth = 0.6, PValueVsCe = double.NaN, PairedPValueVsCe = 0.3, PValueVsBestBaseline = 0.4, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 1.2, FailedRuns = 1 };
        var comparison = new FinalComparison { Steps = 600, Seeds = 2, Rows = [row], CompletedAt = DateTimeOffset.UnixEpoch, Split = FinalComparison.Test, Rounds = [], Trainings = 9, Transfer = [new TransferResult("big", setting, "model resnet9 instead of small-cnn", 300, 2, [row])] };
        var transfer = Assert.Single(RoundTrip(comparison).Transfer);
        Assert.Equal(("big", setting, "model resnet9 instead of small-cnn", 300, 2), (transfer.Name, transfer.Setting, transfer.Differences, transfer.Steps, transfer.Seeds));
        Assert.Equal(row.Fitnesses, transfer.Rows[0].Fitnesses);
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
