using EvoGrains.Training.Optimization;

namespace EvoGrains.Training.Tests.Optimization;

public sealed class WarmupCosineScheduleTests
{
    [Fact]
    public void Warms_up_linearly_then_decays_to_the_minimum()
    {
        var schedule = new WarmupCosineSchedule(PeakLearningRate: 1.0, WarmupSteps: 10, TotalSteps: 110, MinimumLearningRate: 0.1);

        Assert.Equal(0.1, schedule.LearningRate(0), 12);
        Assert.Equal(0.5, schedule.LearningRate(4), 12);
        Assert.Equal(1.0, schedule.LearningRate(10), 12);
        Assert.Equal(0.1, schedule.LearningRate(109), 12);
        Assert.Equal(0.55, schedule.LearningRate(10 + 49) + 0.0, 1);
        for (var step = 11; step < 110; step++)
        {
            Assert.True(schedule.LearningRate(step) <= schedule.LearningRate(step - 1));
        }
    }

    [Fact]
    public void Without_warmup_starts_at_the_peak()
    {
        Assert.Equal(0.01, new WarmupCosineSchedule(0.01, 0, 100).LearningRate(0), 12);
    }
}
