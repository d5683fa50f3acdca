using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

public sealed class SyntheticImagesTests
{
    [Fact]
    public void Same_options_give_the_same_bytes_and_balanced_classes()
    {
        var options = new SyntheticOptions(Classes: 5, TrainCount: 100, TestCount: 20);

        var (trainA, testA) = SyntheticImages.Generate(options);
        var (trainB, _) = SyntheticImages.Generate(options);

        Assert.Equal(trainA.Pixels, trainB.Pixels);
        Assert.Equal(trainA.Labels, trainB.Labels);
        Assert.All(trainA.Labels.GroupBy(l => l), g => Assert.Equal(20, g.Count()));
        Assert.Equal(20, testA.Count);
    }

    [Fact]
    public void Different_seeds_differ()
    {
        var a = SyntheticImages.Generate(new SyntheticOptions(Seed: 1)).Train;
        var b = SyntheticImages.Generate(new SyntheticOptions(Seed: 2)).Train;

        Assert.NotEqual(a.Pixels, b.Pixels);
    }
}
