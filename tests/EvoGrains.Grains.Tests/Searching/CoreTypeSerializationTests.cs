using EvoGrains.Abstractions;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>Core types cross grains through the surrogates in Abstractions: every field survives the round trip.</summary>
public sealed class CoreTypeSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly LossText Loss = LossText.From(LossZoo.Get("focal"));

    [Fact]
    public void A_history_entry_keeps_every_field()
    {
        var entry = new HistoryEntry(7, 2, "ab12", "-(y * log(p))", Loss, "genome", 0.83, EvaluationStatus.EarlyStopped, 1.5, "mutate", ["p1", "p2"], "why", true, DateTimeOffset.UnixEpoch.AddDays(3)) { Permanent = true, Sequence = 41 };

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
        var status = RoundTrip(new SearchStatus("s", "n", SearchState.Failed, 3, 10, 0, 0, 0, 0, 1, double.NaN, null, [], 2, 0.5, 0, 0, null, null) { Failure = "gone", TrainingSteps = 7, MaxTrainingSteps = 70, MaxMinutes = 2.5 });
        Assert.Equal((SearchState.Failed, "gone", 7L, 70L, 2.5), (status.State, status.Failure, status.TrainingSteps, status.MaxTrainingSteps, status.MaxMinutes));
        var record = RoundTrip(EvoGrains.Core.Search.Book.SearchRecord.Empty with { State = SearchState.Failed, Failure = "gone", Reported = new Dictionary<int, long> { [0] = 12, [3] = 4 } });
        Assert.Equal((SearchState.Failed, "gone"), (record.State, record.Failure));
        Assert.Equal(new Dictionary<int, long> { [0] = 12, [3] = 4 }, record.Reported);
        Assert.Empty(RoundTrip(EvoGrains.Core.Search.Book.SearchRecord.Empty).Reported);

        var evaluation = new EvaluationSpec { Steps = 17, Model = "mlp" };
        Assert.Equal(evaluation, RoundTrip(new TrainerAssignment("s", evaluation, 30)).Evaluation);

        var row = new ComparisonRow("ce", true, "x", Loss, [0.1, 0.2], 0.15, 0.07, 0.6, double.NaN, 0.3, 0.4, double.NaN, 1.2, 1);
        var round = new FinalRoundResult(0, 100, 2, 500, [row], ["ce"]);
        var comparison = RoundTrip(new FinalComparison(600, 2, [row], DateTimeOffset.UnixEpoch, FinalComparison.Test, [round], 9));
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

        var row = new ComparisonRow("ce", true, "x", Loss, [0.1, 0.2], 0.15, 0.07, 0.6, double.NaN, 0.3, 0.4, double.NaN, 1.2, 1);
        var comparison = new FinalComparison(600, 2, [row], DateTimeOffset.UnixEpoch, FinalComparison.Test, [], 9) { Transfer = [new TransferResult("big", setting, "model resnet9 instead of small-cnn", 300, 2, [row])] };
        var transfer = Assert.Single(RoundTrip(comparison).Transfer);
        Assert.Equal(("big", setting, "model resnet9 instead of small-cnn", 300, 2), (transfer.Name, transfer.Setting, transfer.Differences, transfer.Steps, transfer.Seeds));
        Assert.Equal(row.Fitnesses, transfer.Rows[0].Fitnesses);
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
