using System.Diagnostics;
using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using EvoGrains.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Trainer;

/// <summary>
/// Trains one candidate loss synchronously on the calling thread. Callers put it on a dedicated thread: the
/// per-step dispose scopes are thread-bound and a step never awaits.
/// </summary>
public sealed class SurrogateTrainer
{
    private const int LossWindow = 50;

    private readonly DatasetCache _datasets;

    public SurrogateTrainer(DatasetCache? datasets = null)
    {
        _datasets = datasets ?? new DatasetCache();
    }

    /// <summary>
    /// Trains <paramref name="loss"/> as <paramref name="request"/> says. Anything the candidate causes
    /// (non-finite loss, exploding weights, an exception from the loss or its backward pass) ends in a
    /// <see cref="TrainingStatus.Failed"/> result, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="DatasetException">A dataset file is missing or corrupt.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked between steps).</exception>
    public TrainingResult Train(
        TrainingRequest request,
        ITensorLoss loss,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loss);
        request.Validate();
        var wall = Stopwatch.StartNew();
        if (request.MaxThreads > 0)
        {
            torch.set_num_threads(request.MaxThreads);
        }

        var device = DeviceSelector.Select(request.Device);

        // Parameters and batches use private generators; this only covers losses that draw random numbers
        // themselves, and only while one trainer runs per process (the global generator is shared).
        torch.manual_seed(request.Seed);
        var trainSource = _datasets.GetTrain(request.Dataset);
        var testSource = request.EvaluateTest ? _datasets.GetTest(request.Dataset) : null;
        using var data = TrainingData.Create(
            trainSource,
            testSource,
            DatasetLoader.ClassCount(request.Dataset),
            request.ValidationSize,
            request.TrainSubsetSize,
            request.SplitSeed,
            device);
        return Run(request, loss, data, device, progress, wall, cancellationToken);
    }

    private static TrainingResult Run(
        TrainingRequest request,
        ITensorLoss loss,
        TrainingData data,
        Device device,
        IProgress<TrainingProgress>? progress,
        Stopwatch wall,
        CancellationToken cancellationToken)
    {
        using var model = ModelFactory.Create(request.Model, data.Shape, data.Classes, request.Seed, device);
        using var optimizer = OptimizerFactory.Create(request.Optimizer, model.parameters(), request.LearningRate, request.Momentum, request.WeightDecay);
        var schedule = new WarmupCosineSchedule(request.LearningRate, request.WarmupSteps, request.Steps);
        var sampler = new BatchSampler(data.Train.Count, request.BatchSize, request.Seed, device);
        var recentLosses = new Queue<double>(LossWindow);
        var rule = request.EarlyStop;
        var loop = new Stopwatch();
        long windowCorrect = 0, windowSeen = 0;
        var step = 0;
        model.train();

        TrainingResult Finish(TrainingStatus status, string? reason, double validation, double? test) => new(
            status,
            reason,
            validation,
            test,
            recentLosses.Count == 0 ? double.NaN : recentLosses.Average(),
            step,
            step / Math.Max(loop.Elapsed.TotalSeconds, 1e-9),
            (double)step * sampler.BatchSize / Math.Max(loop.Elapsed.TotalSeconds, 1e-9),
            wall.Elapsed,
            DeviceSelector.Name(device));

        while (step < request.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loop.Start();
            var learningRate = schedule.Apply(optimizer, step);
            var countCorrect = rule is { Metric: EarlyStopMetric.Training } && step >= rule.Step - EarlyStopRule.TrainingAccuracyWindow && step < rule.Step;
            var failure = RunStep(model, optimizer, loss, data.Train, sampler, step, countCorrect, out var lossValue, out var correct);
            if (failure is null && (step + 1) % request.ParameterCheckInterval == 0)
            {
                failure = CheckParameters(model, request.MaxParameterNorm, step);
            }

            loop.Stop();
            if (failure is not null)
            {
                return Finish(TrainingStatus.Failed, failure, 0.0, null);
            }

            step++;
            if (recentLosses.Count == LossWindow)
            {
                recentLosses.Dequeue();
            }

            recentLosses.Enqueue(lossValue);
            if (countCorrect)
            {
                windowCorrect += correct;
                windowSeen += sampler.BatchSize;
            }

            if (progress is not null && (step % request.ProgressInterval == 0 || step == request.Steps))
            {
                progress.Report(new TrainingProgress(step, request.Steps, recentLosses.Average(), learningRate, wall.Elapsed));
            }

            if (rule is not null && step == rule.Step)
            {
                var validation = Evaluator.Accuracy(model, data.Validation, request.EvaluationBatchSize);
                var measured = rule.Metric == EarlyStopMetric.Training ? (double)windowCorrect / Math.Max(1, windowSeen) : validation;
                if (measured < rule.AccuracyFloor)
                {
                    var reason = FormattableString.Invariant(
                        $"{rule.Metric.ToString().ToLowerInvariant()} accuracy {measured:0.####} below floor {rule.AccuracyFloor:0.####} at step {step}");
                    return Finish(TrainingStatus.EarlyStopped, reason, validation, null);
                }
            }
        }

        var finalCheck = CheckParameters(model, request.MaxParameterNorm, step - 1);
        if (finalCheck is not null)
        {
            return Finish(TrainingStatus.Failed, finalCheck, 0.0, null);
        }

        var validationAccuracy = Evaluator.Accuracy(model, data.Validation, request.EvaluationBatchSize);
        double? testAccuracy = data.Test is null ? null : Evaluator.Accuracy(model, data.Test, request.EvaluationBatchSize);
        return Finish(TrainingStatus.Completed, null, validationAccuracy, testAccuracy);
    }

    /// <summary>One optimizer step in its own dispose scope; returns why the candidate failed, or null.</summary>
    private static string? RunStep(
        ClassifierModule model,
        optim.Optimizer optimizer,
        ITensorLoss loss,
        ImageDataset train,
        BatchSampler sampler,
        int step,
        bool countCorrect,
        out double lossValue,
        out long correct)
    {
        lossValue = double.NaN;
        correct = 0;
        using var scope = torch.NewDisposeScope();
        var (images, labels) = train.Gather(sampler.Next());
        var logits = model.forward(images);
        Tensor value;
        try
        {
            value = loss.Compute(logits, labels);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"loss '{loss.Name}' threw {ex.GetType().Name} at step {step}: {ex.Message}";
        }

        if (value is null || value.numel() != 1)
        {
            var shape = value is null ? "null" : $"[{string.Join(", ", value.shape)}]";
            return $"loss '{loss.Name}' returned {shape} at step {step}, expected a scalar";
        }

        lossValue = value.to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(lossValue))
        {
            return FormattableString.Invariant($"non-finite loss ({lossValue}) at step {step}");
        }

        optimizer.zero_grad();
        try
        {
            value.backward();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"backward pass of loss '{loss.Name}' failed at step {step}: {ex.Message}";
        }

        optimizer.step();
        if (countCorrect)
        {
            correct = logits.argmax(1).eq(labels).sum().item<long>();
        }

        return null;
    }

    private static string? CheckParameters(ClassifierModule model, double maxNorm, int step)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var norms = model.parameters().Select(p => p.norm()).ToArray();
        var total = torch.stack(norms).norm().to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(total))
        {
            return FormattableString.Invariant($"non-finite parameters after step {step}");
        }

        return total > maxNorm
            ? FormattableString.Invariant($"exploding weights: parameter norm {total:G4} exceeds {maxNorm:G4} after step {step}")
            : null;
    }
}
