using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

public sealed class DataSplitTests
{
    [Fact]
    public void Same_seed_gives_the_same_disjoint_split()
    {
        var (trainA, validationA) = DataSplit.Indices(1000, 100, null, seed: 7);
        var (trainB, validationB) = DataSplit.Indices(1000, 100, null, seed: 7);

        Assert.Equal(trainA, trainB);
        Assert.Equal(validationA, validationB);
        Assert.Equal(900, trainA.Length);
        Assert.Empty(trainA.Intersect(validationA));
        Assert.Equal(Enumerable.Range(0, 1000), trainA.Concat(validationA).Order());
    }

    [Fact]
    public void Different_seeds_give_different_validation_sets()
    {
        Assert.NotEqual(DataSplit.Indices(1000, 100, null, 1).Validation, DataSplit.Indices(1000, 100, null, 2).Validation);
    }

    [Fact]
    public void Subset_keeps_the_validation_set_and_cuts_training()
    {
        var full = DataSplit.Indices(1000, 100, null, seed: 3);
        var subset = DataSplit.Indices(1000, 100, 250, seed: 3);

        Assert.Equal(full.Validation, subset.Validation);
        Assert.Equal(250, subset.Train.Length);
        Assert.Empty(subset.Train.Intersect(subset.Validation));
    }

    [Fact]
    public void Validation_must_leave_training_images()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Indices(100, 100, null, 0));
    }
}
