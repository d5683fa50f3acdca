using TorchSharp;

namespace EvoGrains.Training.Optimization;

/// <summary>
/// Linear warm-up to the peak rate, then cosine decay to <see cref="MinimumLearningRate"/> at the last step
/// (the NLFS schedule). A pure function of the step, so resuming or replaying needs no scheduler state.
/// </summary>
public sealed record WarmupCosineSchedule(
    double PeakLearningRate,
    int WarmupSteps,
    int TotalSteps,
    double MinimumLearningRate = 0.0)
{
    public double LearningRate(int step)
    {
        if (WarmupSteps > 0 && step < WarmupSteps)
        {
            return PeakLearningRate * (step + 1) / WarmupSteps;
        }

        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps - 1);
        var progress = Math.Clamp((double)(step - WarmupSteps) / decaySteps, 0.0, 1.0);
        return MinimumLearningRate
            + (0.5 * (PeakLearningRate - MinimumLearningRate) * (1.0 + Math.Cos(Math.PI * progress)));
    }

    /// <summary>Sets every parameter group of the optimizer to the rate of <paramref name="step"/>.</summary>
    public double Apply(torch.optim.Optimizer optimizer, int step)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rate = LearningRate(step);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        return rate;
    }
}
