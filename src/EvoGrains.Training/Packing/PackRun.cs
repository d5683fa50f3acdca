using System.Diagnostics;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Models;
using EvoGrains.Training.Native;
using EvoGrains.Training.Optimization;
using EvoGrains.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// One training run of a pack (a single candidate is a pack of one). Each step sums the members' losses
/// and back-propagates once; the parameters are disjoint, so every member gets exactly its own gradient,
/// and the optimizers' state is element-wise, so stacked Adam or SGD is each member's own optimizer.
/// Nothing in a step waits for the host: losses and norms are read back every
/// <see cref="TrainingRequest.ReadbackInterval"/> steps, at the early-stop check and at the end.
/// </summary>
internal sealed class PackRun(
    TrainingRequest request,
    IPackedModel model,
    TrainingData data,
    IReadOnlyList<PackMember> members,
    Device device)
{
    private readonly PackLedger ledger = new(members, request.MaxParameterNorm);
    private readonly Stopwatch loop = new();
    // Activations of one evaluation pass over all members, at most.
    private const long EvaluationPassBytes = 256L << 20;

    private long windowSeen;
    private int batchSize;
    private int evaluationImages;

    public IReadOnlyList<TrainingResult> Run(
        IProgress<TrainingProgress>? progress,
        Stopwatch wall,
        CancellationToken cancellationToken)
    {
        using var _ = ledger;
        using var optimizer = OptimizerFactory.Create(
            request.Optimizer, model.Parameters, request.LearningRate, request.Momentum, request.WeightDecay,
            request.FusedOptimizer);
        var schedule = new WarmupCosineSchedule(request.LearningRate, request.WarmupSteps, request.Steps);
        using var batches = new PackBatches(
            data.Train, request.BatchSize, members.Select(m => m.Seed).ToList(), device, request.Augment);
        batchSize = batches.BatchSize;
        using var correct = torch.zeros(model.Members, ScalarType.Int64, device).DetachFromDisposeScope();
        var rule = request.EarlyStop;
        var step = 0;
        model.SetTraining(true);
        while (step < request.Steps && ledger.AnyComputing)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loop.Start();
            var learningRate = schedule.Apply(optimizer, step);
            var countCorrect = rule is { Metric: EarlyStopMetric.Training }
                && step >= rule.Step - EarlyStopRule.TrainingAccuracyWindow && step < rule.Step;
            RunStep(optimizer, batches, step, countCorrect ? correct : null);
            if ((step + 1) % request.ParameterCheckInterval == 0)
            {
                ledger.AddNorms(step, step, MemberNorms());
            }

            step++;
            windowSeen += countCorrect ? batches.BatchSize : 0;
            var progressDue = progress is not null && (step % request.ProgressInterval == 0 || step == request.Steps);
            if (step % request.ReadbackInterval == 0 || progressDue || step == rule?.Step)
            {
                ledger.Settle();
            }

            loop.Stop();
            if (progressDue && ledger.Members[0].Outcome is null)
            {
                progress!.Report(new TrainingProgress(
                    step, request.Steps, ledger.Members[0].RecentLoss(step), learningRate, wall.Elapsed));
            }

            if (rule is not null && step == rule.Step)
            {
                EarlyStop(rule, correct, step);
            }
        }

        if (ledger.AnyComputing)
        {
            ledger.AddNorms(step - 1, step, MemberNorms());
        }

        ledger.Settle();
        Complete(step);
        return Results(wall);
    }

    private void RunStep(optim.Optimizer optimizer, PackBatches batches, int step, Tensor? correct)
    {
        using var scope = torch.NewDisposeScope();
        var (images, labels) = batches.Next();
        var logits = model.Forward(images);
        var inputs = PackLossInputs(logits, labels, batches.Shared);
        var computed = new List<int>();
        var values = new List<Tensor>();
        foreach (var member in ledger.Computing().ToList())
        {
            var value = MemberLoss(member, inputs[member], step);
            if (value is not null)
            {
                computed.Add(member);
                values.Add(value.reshape(1));
            }
        }

        if (values.Count == 0)
        {
            return;
        }

        var losses = torch.cat(values);
        // Dropping the gradients (rather than zeroing them) lets backward hand its own gradient tensors to the
        // parameters: no pass to fill zeros and none to add into them.
        foreach (var parameter in model.Parameters)
        {
            parameter.grad = null;
        }

        try
        {
            losses.sum().backward();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One backward pass serves the pack, so a failing one fails every member that was part of it.
            computed.ForEach(m => ledger.FailOnHost(
                m, step, $"backward pass of loss '{members[m].Loss.Name}' failed at step {step}: {ex.Message}"));
            return;
        }

        optimizer.step();
        ledger.AddLosses(step, computed.ToArray(), losses.detach().DetachFromDisposeScope());
        if (correct is not null)
        {
            using var noGrad = torch.no_grad();
            correct.PlusInPlace(logits.argmax(2).eq(labels).sum(1));
        }
    }

    /// <summary>
    /// Each member's loss inputs over one split of the pack's logits [K, B, C]: a member's slice, its labels, and its
    /// part of one softmax and one one-hot encoding for the whole pack, made only if some member's loss asks for them.
    /// </summary>
    private static LossInputs[] PackLossInputs(Tensor logits, Tensor labels, bool sharedLabels)
    {
        var members = logits.unbind(0);
        var memberLabels = sharedLabels ? null : labels.unbind(0);
        Tensor[]? probabilities = null;
        Tensor[]? oneHot = null;
        Tensor? sharedOneHot = null;
        return members.Select((memberLogits, k) => new LossInputs(
            memberLogits,
            memberLabels?[k] ?? labels,
            () => (probabilities ??= nn.functional.softmax(logits, 2).unbind(0))[k],
            () => sharedLabels
                ? sharedOneHot ??= LossInputs.OneHotOf(labels, logits)
                : (oneHot ??= LossInputs.OneHotOf(labels, logits).unbind(0))[k])).ToArray();
    }

    private Tensor? MemberLoss(int member, LossInputs inputs, int step)
    {
        var loss = members[member].Loss;
        Tensor value;
        try
        {
            value = loss.Compute(inputs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ledger.FailOnHost(
                member, step, $"loss '{loss.Name}' threw {ex.GetType().Name} at step {step}: {ex.Message}");
            return null;
        }

        if (value is null || value.numel() != 1)
        {
            var shape = value is null ? "null" : $"[{string.Join(", ", value.shape)}]";
            ledger.FailOnHost(member, step, $"loss '{loss.Name}' returned {shape} at step {step}, expected a scalar");
            return null;
        }

        return value;
    }

    /// <summary>Each member's parameter L2 norm, [K], left on the device.</summary>
    private Tensor MemberNorms()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return model.MemberNorms().MoveToOuterDisposeScope().DetachFromDisposeScope();
    }

    private void EarlyStop(EarlyStopRule rule, Tensor correct, int step)
    {
        if (!ledger.AnyOpen)
        {
            return;
        }

        var validation = Accuracy(data.Validation);
        long[]? trainingCorrect = null;
        if (rule.Metric == EarlyStopMetric.Training)
        {
            using var scope = torch.NewDisposeScope();
            trainingCorrect = correct.cpu().data<long>().ToArray();
        }

        foreach (var member in ledger.Open().ToList())
        {
            var measured = trainingCorrect is null
                ? validation[member]
                : (double)trainingCorrect[member] / Math.Max(1, windowSeen);
            if (measured < rule.AccuracyFloor)
            {
                var reason =
                    FormattableString.Invariant(
                        $"{rule.Metric.ToString().ToLowerInvariant()} accuracy {measured:0.####} ")
                    + FormattableString.Invariant($"below floor {rule.AccuracyFloor:0.####} at step {step}");
                ledger.Finish(member, TrainingStatus.EarlyStopped, reason, validation[member], null, step);
            }
        }
    }

    private void Complete(int step)
    {
        if (!ledger.AnyOpen)
        {
            return;
        }

        var validation = Accuracy(data.Validation);
        var test = data.Test is null ? null : Accuracy(data.Test);
        foreach (var member in ledger.Open().ToList())
        {
            ledger.Finish(member, TrainingStatus.Completed, null, validation[member], test?[member], step);
        }
    }

    /// <summary>Top-1 accuracy of every member in eval mode, counted on the device and read once.</summary>
    private double[] Accuracy(ImageDataset set)
    {
        model.SetTraining(false);
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var batch = EvaluationImagesPerPass();
            var total = torch.zeros(model.Members, ScalarType.Int64, device);
            for (var start = 0; start < set.Count; start += batch)
            {
                using var inner = torch.NewDisposeScope();
                var (images, labels) = set.Slice(start, Math.Min(batch, set.Count - start));
                total.PlusInPlace(model.Forward(images).argmax(2).eq(labels).sum(1));
            }

            return total.cpu().data<long>().ToArray().Select(c => (double)c / set.Count).ToArray();
        }
        finally
        {
            model.SetTraining(true);
        }
    }

    /// <summary>
    /// Images per evaluation pass: <see cref="TrainingRequest.EvaluationBatchSize"/> shared by the members, and no more
    /// than keep one pass's activations within <see cref="EvaluationPassBytes"/>. A pass of ResNet-9 over 1,000 images
    /// holds gigabytes, and on a CPU such a pass is bound by memory and page faults: measured on Fashion-MNIST with one
    /// thread, 13,000 images took 5.3 CPU-minutes in passes of 1,000 and well under one in passes of 100, with the same
    /// accuracies.
    /// </summary>
    private int EvaluationImagesPerPass()
    {
        if (evaluationImages == 0)
        {
            var builder = ModelBuilders.Of(request.Model);
            // Per image: the training estimate's activations and their gradients (PackMemoryBudget), halved to the
            // forward pass.
            var perImage = Math.Max(
                1,
                (builder.BytesPerMember(request, data.Train.Shape, data.Classes, 2)
                    - builder.BytesPerMember(request, data.Train.Shape, data.Classes, 1)) / 2);
            var byMemory = EvaluationPassBytes / (perImage * model.Members);
            evaluationImages =
                (int)Math.Clamp(Math.Min(byMemory, request.EvaluationBatchSize / model.Members), 1, int.MaxValue);
        }

        return evaluationImages;
    }

    private List<TrainingResult> Results(Stopwatch wall)
    {
        var seconds = Math.Max(loop.Elapsed.TotalSeconds, 1e-9);
        return ledger.Members.Select(m =>
        {
            var outcome = m.Outcome!;
            return new TrainingResult
            {
                Status = outcome.Status,
                FailureReason = outcome.Reason,
                ValidationAccuracy = outcome.Validation,
                TestAccuracy = outcome.Test,
                FinalTrainingLoss = m.RecentLoss(outcome.StepsCompleted),
                StepsCompleted = outcome.StepsCompleted,
                StepsPerSecond = outcome.StepsCompleted / seconds,
                ImagesPerSecond = (double)outcome.StepsCompleted * batchSize / seconds,
                WallTime = wall.Elapsed,
                Device = DeviceSelector.Name(device),
                LossCurve = m.Losses.Take(outcome.StepsCompleted).ToList(),
            };
        }).ToList();
    }
}
