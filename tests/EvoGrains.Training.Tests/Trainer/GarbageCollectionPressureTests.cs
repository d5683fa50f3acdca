using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Optimization;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Tests.Trainer;

/// <summary>
/// Every native object a training hands to libtorch must outlive the call that reads it. A collection can run at any
/// point of a step, and a finaliser that frees a native value libtorch is still reading crashes the run or, worse,
/// hands a kernel a wrong number. Forcing collections without pause must change nothing, bit for bit.
/// </summary>
public sealed class GarbageCollectionPressureTests
{
    private static readonly PreparedDataCache Prepared = new();

    /// <summary>
    /// How many times each trainer runs the trainings under pressure. Before training code held its Scalars, 10 to 17 of
    /// 209 trainings threw (one trainer, FusedAdam's Scalars alone).
    /// </summary>
    private const int PressedRounds = 4;

    [Fact]
    public void Packed_and_lone_trainings_are_bit_identical_while_collections_run_without_pause()
    {
        var quiet = Trainings().Select(Run).ToList();

        using var pressure = new CollectionPressure();
        // Two trainers at once, as on a silo, so a thread can be descheduled in the middle of a native call.
        var trainers = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(() => Enumerable.Range(0, PressedRounds).SelectMany(_ => Trainings().Select(Run)).ToList(), TaskCreationOptions.LongRunning))
            .ToArray();
        var pressed = trainers.SelectMany(t => t.Result).ToList();
        pressure.Stop();

        Assert.True(pressure.Collections > 50, $"only {pressure.Collections} forced collections ran");
        var crashes = pressed.Where(r => r.Error is not null).ToList();
        var differing = pressed.Where((r, i) => r.Error is null && !SameRuns(quiet[i % quiet.Count].Results!, r.Results!)).Count();
        Assert.True(
            crashes.Count == 0 && differing == 0,
            $"of {pressed.Count} trainings under pressure {crashes.Count} threw ({crashes.FirstOrDefault().Error}) and {differing} differed from the quiet run");
        Assert.All(quiet.SelectMany(r => r.Results!), r => Assert.Equal(TrainingStatus.Completed, r.Status));
    }

    /// <summary>Bit for bit: status, reason, validation accuracy and every step's loss.</summary>
    private static bool SameRuns(IReadOnlyList<TrainingResult> expected, IReadOnlyList<TrainingResult> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair =>
            (pair.First.Status, pair.First.FailureReason, pair.First.ValidationAccuracy) == (pair.Second.Status, pair.Second.FailureReason, pair.Second.ValidationAccuracy)
            && pair.First.LossCurve.SequenceEqual(pair.Second.LossCurve));

    private static (IReadOnlyList<TrainingResult>? Results, string? Error) Run(Func<IReadOnlyList<TrainingResult>> training)
    {
        try
        {
            return (training(), null);
        }
        catch (Exception ex)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Packed and lone runs of losses built from native ops and from the compiler, with Adam and SGD.</summary>
    private static IEnumerable<Func<IReadOnlyList<TrainingResult>>> Trainings()
    {
        var losses = new ITensorLoss[]
        {
            new CrossEntropyTensorLoss(),
            new CrossEntropyTensorLoss(0.1),
            new CompiledTensorLoss(LossZoo.Get("baikal"), "baikal"),
            new CompiledTensorLoss(LossZoo.Get("ngl"), "ngl"),
        };
        foreach (var optimizer in new[] { OptimizerRegistry.Adam.Name, OptimizerRegistry.Sgd.Name })
        {
            var request = Request() with { Optimizer = optimizer, WeightDecay = 1e-4 };
            yield return () => new PackedTrainer(Prepared).Train(request, losses.Select((loss, i) => new PackMember(loss, 3 + i)).ToList());
            foreach (var (loss, i) in losses.Select((loss, i) => (loss, i)))
            {
                yield return () => [new SurrogateTrainer(Prepared).Train(request with { Seed = 3 + i }, loss)];
            }
        }
    }

    private static TrainingRequest Request() => new()
    {
        Dataset = DatasetSpec.SyntheticSet(
            new SyntheticOptions(Classes: 4, TrainCount: 600, TestCount: 100, Size: 12, NoiseStd: 120)),
        Model = "mlp",
        Steps = 60,
        BatchSize = 32,
        LearningRate = 2e-3,
        WarmupSteps = 5,
        ValidationSize = 200,
        MaxThreads = 1,
        EvaluationBatchSize = 100,
    };

    /// <summary>A thread that collects and runs finalisers in a loop until stopped.</summary>
    private sealed class CollectionPressure : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stopping;
        private int collections;

        public CollectionPressure()
        {
            thread = new Thread(Collect) { IsBackground = true, Name = "gc-pressure" };
            thread.Start();
        }

        private void Collect()
        {
            while (!stopping)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref collections);
            }
        }

        public int Collections => Volatile.Read(ref collections);

        public void Stop()
        {
            stopping = true;
            thread.Join();
        }

        public void Dispose() => Stop();
    }
}
