using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Tests.Trainer;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Tests.Packing;

public sealed class PackedTrainerTests
{
    private static readonly PreparedDataCache Prepared = new();

    public static TheoryData<string, string, bool> ModelCases => new()
    {
        { "mlp", OptimizerRegistry.Adam.Name, true },
        { "mlp", OptimizerRegistry.Sgd.Name, false },
        { "small-cnn", OptimizerRegistry.Adam.Name, false },
        { "small-cnn", OptimizerRegistry.Sgd.Name, true },
        { "resnet9", OptimizerRegistry.Adam.Name, true },
        { "resnet9", OptimizerRegistry.Adam.Name, false },
    };

    [Theory]
    [MemberData(nameof(ModelCases))]
    public void A_member_computes_what_the_ordinary_model_computes(string model, string optimizer, bool sharedSeed)
    {
        var request = Request(model);
        request = request with { Optimizer = optimizer, LearningRate = optimizer == OptimizerRegistry.Sgd.Name ? 10 * request.LearningRate : request.LearningRate, WeightDecay = 1e-4 };
        var losses = new ITensorLoss[] { new CrossEntropyTensorLoss(), new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal"), new CrossEntropyTensorLoss(0.1) };
        // ResNet9 has 6.5 million parameters a member: two members show the same as three.
        var members = losses.Take(model == "resnet9" ? 2 : 3).Select((loss, i) => new PackMember(loss, sharedSeed ? 5 : 5 + i)).ToList();

        var packed = new PackedTrainer(Prepared).Train(request, members);

        for (var i = 0; i < members.Count; i++)
        {
            var alone = OrdinaryModelRun(request with { Seed = members[i].Seed }, members[i].Loss);
            AssertSameRun(alone, packed[i], request.ValidationSize);
        }
    }

    /// <summary>
    /// Long runs amplify any rounding difference, so a member's run must not depend on the pack around it: the same loss
    /// and seed give the same run, bit for bit, alone, at any position of any pack size and beside any other losses.
    /// </summary>
    [Theory]
    [InlineData("mlp", true)]
    [InlineData("mlp", false)]
    [InlineData("small-cnn", true)]
    public void A_members_run_is_bit_identical_in_every_pack_size_and_position(string model, bool sharedSeed)
    {
        var request = Request(model, steps: 120, classes: 10) with { ReadbackInterval = 7 };
        var others = new ITensorLoss[] { new CrossEntropyTensorLoss(), new CrossEntropyTensorLoss(0.1), new CompiledTensorLoss(LossZoo.Get("ngl"), "ngl") };
        var loss = new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal");
        var alone = new SurrogateTrainer(Prepared).Train(request with { Seed = 5 }, loss);

        foreach (var size in model == "mlp" ? new[] { 1, 2, 3, 5 } : [1, 3])
        {
            for (var position = 0; position < size; position++)
            {
                var members = Enumerable.Range(0, size)
                    .Select(i => i == position ? new PackMember(loss, 5) : new PackMember(others[i % others.Length], sharedSeed ? 5 : 6 + i))
                    .ToList();
                var packed = new PackedTrainer(Prepared).Train(request, members)[position];
                Assert.True(alone.LossCurve.SequenceEqual(packed.LossCurve), $"pack of {size}, position {position}: the loss curve differs from the lone run's");
                Assert.Equal(alone.ValidationAccuracy, packed.ValidationAccuracy);
            }
        }
    }

    /// <summary>
    /// Crop-flip draws come from each batch stream's seed: a pack sharing a seed augments its one batch once for every member,
    /// and a member gets, bit for bit, the run it gets alone, which differs from the run without augmentation.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Crop_flip_packs_give_each_member_its_lone_run(bool sharedSeed)
    {
        // The MLP's packed runs are bit-identical to lone runs with shared and with own seeds (the test above).
        var request = Request("mlp", steps: 60) with { Augment = "crop-flip" };
        var loss = new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal");
        var members = new[] { new PackMember(loss, 5), new PackMember(loss, sharedSeed ? 5 : 6) };

        var packed = new PackedTrainer(Prepared).Train(request, members);
        var alone = new SurrogateTrainer(Prepared).Train(request with { Seed = 5 }, loss);
        var plain = new SurrogateTrainer(Prepared).Train(request with { Seed = 5, Augment = "none" }, loss);

        Assert.True(alone.LossCurve.SequenceEqual(packed[0].LossCurve), "the first member's loss curve differs from the lone run's");
        Assert.Equal(alone.ValidationAccuracy, packed[0].ValidationAccuracy);
        Assert.Equal(sharedSeed, packed[1].LossCurve.SequenceEqual(packed[0].LossCurve));
        Assert.False(plain.LossCurve.SequenceEqual(alone.LossCurve), "crop-flip changed nothing");
        if (!sharedSeed)
        {
            var second = new SurrogateTrainer(Prepared).Train(request with { Seed = 6 }, loss);
            Assert.True(second.LossCurve.SequenceEqual(packed[1].LossCurve), "the second member's loss curve differs from its lone run's");
        }
    }

    [Fact]
    public void Failing_members_are_frozen_and_leave_the_others_as_a_pack_without_them()
    {
        var request = Request("mlp") with { Optimizer = OptimizerRegistry.Sgd.Name, LearningRate = 0.05, MaxParameterNorm = 1e4, ParameterCheckInterval = 5 };
        var healthy = new ITensorLoss[] { new CrossEntropyTensorLoss(), new CrossEntropyTensorLoss(0.1) };
        var broken = new ITensorLoss[] { TestLoss.NaN(), TestLoss.Throwing(), TestLoss.Unbounded(), TestLoss.NotScalar() };
        var mixed = new[] { healthy[0], broken[0], broken[1], healthy[1], broken[2], broken[3] };

        var clean = new PackedTrainer(Prepared).Train(request, healthy.Select(l => new PackMember(l, 5)).ToList());
        var results = new PackedTrainer(Prepared).Train(request, mixed.Select(l => new PackMember(l, 5)).ToList());

        AssertSameRun(clean[0], results[0], request.ValidationSize);
        AssertSameRun(clean[1], results[3], request.ValidationSize);
        Assert.Equal(clean[0].LossCurve, results[0].LossCurve);
        Assert.Contains("non-finite loss", results[1].FailureReason, StringComparison.Ordinal);
        Assert.Contains("threw InvalidOperationException at step 0", results[2].FailureReason, StringComparison.Ordinal);
        Assert.Matches("exploding weights|non-finite", results[4].FailureReason);
        Assert.Contains("expected a scalar", results[5].FailureReason, StringComparison.Ordinal);
        foreach (var failed in new[] { results[1], results[2], results[4], results[5] })
        {
            Assert.Equal(TrainingStatus.Failed, failed.Status);
            Assert.Equal(0.0, failed.ValidationAccuracy);
            Assert.True(failed.StepsCompleted < request.Steps);
        }

        // Each broken member fails exactly as it does alone, though the pack learns of it only at a read-back.
        for (var i = 1; i < mixed.Length; i++)
        {
            var alone = new SurrogateTrainer(Prepared).Train(request with { Seed = 5 }, mixed[i]);
            Assert.Equal((alone.Status, alone.FailureReason, alone.StepsCompleted), (results[i].Status, results[i].FailureReason, results[i].StepsCompleted));
        }
    }

    [Theory]
    [InlineData(EarlyStopMetric.Validation)]
    [InlineData(EarlyStopMetric.Training)]
    public void The_early_stop_rule_applies_to_each_member(EarlyStopMetric metric)
    {
        var request = Request("mlp") with { EarlyStop = new EarlyStopRule(15, 0.2, metric) };
        var members = new[] { new PackMember(TestLoss.Inverted(), 5), new PackMember(new CrossEntropyTensorLoss(), 5) };

        var results = new PackedTrainer(Prepared).Train(request, members);

        Assert.Equal(TrainingStatus.EarlyStopped, results[0].Status);
        Assert.Equal(15, results[0].StepsCompleted);
        Assert.Equal(TrainingStatus.Completed, results[1].Status);
        AssertSameRun(new SurrogateTrainer(Prepared).Train(request with { Seed = 5 }, members[0].Loss), results[0], request.ValidationSize);
        AssertSameRun(new SurrogateTrainer(Prepared).Train(request with { Seed = 5 }, members[1].Loss), results[1], request.ValidationSize);
    }

    [Fact]
    public void Read_back_interval_changes_nothing_but_when_the_host_looks()
    {
        var members = new[] { new PackMember(new CrossEntropyTensorLoss(), 5), new PackMember(TestLoss.NaN(), 6) };

        var everyStep = new PackedTrainer(Prepared).Train(Request("mlp") with { ReadbackInterval = 1 }, members);
        var rarely = new PackedTrainer(Prepared).Train(Request("mlp") with { ReadbackInterval = 1000 }, members);

        Assert.Equal(everyStep[0].LossCurve, rarely[0].LossCurve);
        Assert.Equal(everyStep[0].ValidationAccuracy, rarely[0].ValidationAccuracy);
        Assert.Equal((everyStep[1].FailureReason, everyStep[1].StepsCompleted), (rarely[1].FailureReason, rarely[1].StepsCompleted));
        Assert.Equal(0, rarely[1].StepsCompleted);
    }

    [Fact]
    public void A_request_over_the_memory_budget_is_split_into_packs_with_the_same_results()
    {
        var request = Request("mlp");
        var members = Enumerable.Range(0, 5).Select(i => new PackMember(new CrossEntropyTensorLoss(0.05 * i), 5)).ToList();
        var data = Prepared.Get(request, TorchSharp.torch.CPU);
        var perMember = new PackedTrainer(Prepared).Capacity(request, data) is var unbounded && unbounded > 5 ? 2 : 1;
        using var probe = EvoGrains.Training.Models.ModelFactory.Create("mlp", data.Shape, data.Classes, 0, TorchSharp.torch.CPU);
        var budget = perMember * PackMemoryBudget.BytesPerMember(probe, request.BatchSize);

        var small = new PackedTrainer(Prepared, budget);
        var split = small.Train(request, members);
        var whole = new PackedTrainer(Prepared).Train(request, members);

        Assert.Equal(2, small.Capacity(request, data));
        Assert.Equal(5, split.Count);
        for (var i = 0; i < members.Count; i++)
        {
            AssertSameRun(whole[i], split[i], request.ValidationSize);
        }
    }

    [Fact]
    public void A_withdrawn_member_stops_and_the_others_finish()
    {
        using var withdrawn = new CancellationTokenSource();
        withdrawn.Cancel();
        var members = new[] { new PackMember(new CrossEntropyTensorLoss(), 5), new PackMember(new CrossEntropyTensorLoss(), 5) { Withdrawn = withdrawn.Token } };

        var results = new PackedTrainer(Prepared).Train(Request("mlp") with { ReadbackInterval = 5 }, members);

        Assert.Equal(TrainingStatus.Completed, results[0].Status);
        Assert.Equal((TrainingStatus.Failed, "withdrawn", 5), (results[1].Status, results[1].FailureReason, results[1].StepsCompleted));
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("small-cnn")]
    public void A_pack_leaves_no_live_tensors_behind(string model)
    {
        var trainer = new PackedTrainer(Prepared);
        var request = Request(model, steps: 30) with { EarlyStop = new EarlyStopRule(10, 0.0, EarlyStopMetric.Training), ParameterCheckInterval = 5, ReadbackInterval = 7 };
        var members = new[] { new PackMember(new CrossEntropyTensorLoss(), 1), new PackMember(TestLoss.NaN(), 2), new PackMember(TestLoss.Throwing(), 3) };
        trainer.Train(request, members);
        var statistics = TorchSharp.DisposeScopeManager.Statistics;
        var before = statistics.ThreadTotalLiveCount;

        trainer.Train(request, members);

        Assert.Equal(before, statistics.ThreadTotalLiveCount);
    }

    /// <summary>Noisy enough that the loss stays well above zero, where a relative tolerance means something.</summary>
    /// <summary>The ordinary one-candidate model trained as a pack of one: the packed layers must compute its function.</summary>
    private static TrainingResult OrdinaryModelRun(TrainingRequest request, ITensorLoss loss)
    {
        var (device, data) = TrainingSetup.Prepare(request, request.Seed, Prepared);
        using var model = new ModulePack([EvoGrains.Training.Models.ModelFactory.Create(request.Model, data.Shape, data.Classes, request.Seed, device)]);
        return new PackRun(request, model, data, [new PackMember(loss, request.Seed)], device).Run(null, System.Diagnostics.Stopwatch.StartNew(), CancellationToken.None)[0];
    }

    private static TrainingRequest Request(string model, int steps = 30, int classes = 4)
    {
        var colour = model == "resnet9";
        var options = colour
            ? new SyntheticOptions(Classes: 3, TrainCount: 100, TestCount: 10, NoiseStd: 90, Channels: 3, Size: 8)
            : new SyntheticOptions(Classes: classes, TrainCount: 600, TestCount: 100, Size: 12, NoiseStd: 120);
        return new TrainingRequest
        {
            Dataset = DatasetSpec.SyntheticSet(options),
            Model = model,
            Steps = colour ? 3 : steps,
            BatchSize = colour ? 16 : 32,
            LearningRate = colour ? 5e-4 : 2e-3,
            WarmupSteps = colour ? 1 : 5,
            ValidationSize = colour ? 40 : 200,
            MaxThreads = 2,
            EvaluationBatchSize = 100,
        };
    }

    private static void AssertSameRun(TrainingResult expected, TrainingResult actual, int validationSize)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.FailureReason, actual.FailureReason);
        Assert.Equal(expected.StepsCompleted, actual.StepsCompleted);
        Assert.InRange(Math.Abs(expected.ValidationAccuracy - actual.ValidationAccuracy), 0.0, (1.0 / validationSize) + 1e-12);
        Assert.Equal(expected.LossCurve.Count, actual.LossCurve.Count);
        for (var step = 0; step < expected.LossCurve.Count; step++)
        {
            var tolerance = 1e-4 * Math.Max(Math.Abs(expected.LossCurve[step]), 1e-6);
            Assert.True(Math.Abs(expected.LossCurve[step] - actual.LossCurve[step]) <= tolerance, $"step {step}: alone {expected.LossCurve[step]:R}, packed {actual.LossCurve[step]:R}");
        }
    }
}
