using EvoGrains.Core.Evolution;

namespace EvoGrains.Core.Tests.Evolution;

public sealed class FitnessRankTests
{
    [Fact]
    public void A_higher_rung_ranks_above_any_fitness_of_a_lower_one()
    {
        Assert.True(new FitnessRank(1, 0.10) > new FitnessRank(0, 0.99));
        Assert.True(new FitnessRank(0, 0.80) > new FitnessRank(0, 0.79));
        Assert.True(new FitnessRank(2, 0.5) >= new FitnessRank(2, 0.5));
        Assert.False(new FitnessRank(0, 0.5) > new FitnessRank(0, 0.5));
    }

    [Fact]
    public void Nan_ranks_below_every_real_fitness_of_its_rung_but_above_lower_rungs()
    {
        Assert.True(new FitnessRank(0, double.NaN) < new FitnessRank(0, 0));
        Assert.True(new FitnessRank(1, double.NaN) > new FitnessRank(0, 1));
        Assert.Equal(0, new FitnessRank(0, double.NaN).CompareTo(new FitnessRank(0, double.NaN)));
    }

    [Fact]
    public void Sorting_orders_by_rung_then_fitness()
    {
        FitnessRank[] ranks = [new(0, 0.9), new(1, 0.2), new(0, 0.1), new(1, 0.3)];

        Assert.Equal([new(1, 0.3), new(1, 0.2), new(0, 0.9), new(0, 0.1)], ranks.OrderDescending().ToArray());
    }
}
