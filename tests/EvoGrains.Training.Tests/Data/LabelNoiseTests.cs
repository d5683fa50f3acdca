using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Trainer;
using TorchSharp;

namespace EvoGrains.Training.Tests.Data;

public sealed class LabelNoiseTests
{
    private static readonly DatasetCache Datasets = new();

    private static bool Installed => File.Exists(Path.Combine(DatasetRegistry.FashionMnist.DefaultDataPath!, "train-images-idx3-ubyte.gz"));

    private static TrainingRequest FashionMnist(double noise, int splitSeed = 0) => new()
    {
        Dataset = DatasetSpec.FashionMnist(),
        ValidationSize = 2000,
        TrainSubsetSize = 5000,
        EvaluateTest = true,
        SplitSeed = splitSeed,
        LabelNoise = noise,
    };

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.4)]
    [InlineData(0.8)]
    public void Changes_a_fraction_p_of_labels_each_to_a_uniformly_drawn_other_class(double rate)
    {
        var labels = Enumerable.Range(0, 20000).Select(i => (byte)(i % 10)).ToArray();

        var noisy = LabelNoise.Apply(labels, classes: 10, rate, seed: 5);

        // Binomial std at n = 20000 is at most 0.0035, so 0.02 is far outside chance; a draw that could keep the
        // original class would change only 0.9 p (0.04 short at p = 0.4).
        var changed = Enumerable.Range(0, labels.Length).Where(i => noisy[i] != labels[i]).ToList();
        Assert.InRange(changed.Count / (double)labels.Length, rate - 0.02, rate + 0.02);
        Assert.All(noisy, l => Assert.InRange(l, (byte)0, (byte)9));
        var offsets = changed.GroupBy(i => (noisy[i] - labels[i] + 10) % 10).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 9), offsets.Keys.Order());
        Assert.All(offsets.Values, n => Assert.InRange(n / (double)changed.Count, 1 / 9.0 - 0.03, 1 / 9.0 + 0.03));
    }

    [Fact]
    public void Same_seed_gives_the_same_noise_and_other_seeds_other_noise()
    {
        var labels = Enumerable.Range(0, 5000).Select(i => (byte)(i % 10)).ToArray();

        Assert.Equal(LabelNoise.Apply(labels, 10, 0.3, LabelNoise.SeedOf(1)), LabelNoise.Apply(labels, 10, 0.3, LabelNoise.SeedOf(1)));
        Assert.NotEqual(LabelNoise.Apply(labels, 10, 0.3, LabelNoise.SeedOf(1)), LabelNoise.Apply(labels, 10, 0.3, LabelNoise.SeedOf(2)));
        Assert.NotEqual(1, LabelNoise.SeedOf(1));
    }

    [Fact]
    public void A_higher_rate_corrupts_a_superset_and_zero_changes_nothing()
    {
        var labels = Enumerable.Range(0, 5000).Select(i => (byte)(i % 7)).ToArray();
        var low = LabelNoise.Apply(labels, 7, 0.2, 9);
        var high = LabelNoise.Apply(labels, 7, 0.6, 9);

        Assert.All(Enumerable.Range(0, labels.Length).Where(i => low[i] != labels[i]), i => Assert.Equal(low[i], high[i]));
        Assert.Same(labels, LabelNoise.Apply(labels, 7, 0, 9));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.81)]
    [InlineData(double.NaN)]
    public void A_rate_outside_0_to_0_8_is_refused_naming_the_field(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (FashionMnist(0) with { LabelNoise = rate }).Validate());

        Assert.Equal("LabelNoise", error.ParamName);
    }

    [Fact]
    public void Real_split_gets_noisy_training_labels_and_clean_validation_and_test_labels()
    {
        if (!Installed)
        {
            return;
        }

        using var prepared = new PreparedDataCache(Datasets);
        var clean = prepared.Get(FashionMnist(0), torch.CPU);
        var noisy = prepared.Get(FashionMnist(0.4), torch.CPU);

        Assert.NotSame(clean, noisy);
        Assert.Same(noisy, prepared.Get(FashionMnist(0.4), torch.CPU));
        var (cleanTrain, noisyTrain) = (Labels(clean.Train), Labels(noisy.Train));
        Assert.Equal(5000, noisyTrain.Length);
        Assert.InRange(Enumerable.Range(0, 5000).Count(i => noisyTrain[i] != cleanTrain[i]) / 5000.0, 0.37, 0.43);
        Assert.Equal(Labels(clean.Validation), Labels(noisy.Validation));
        Assert.Equal(Labels(clean.Test!), Labels(noisy.Test!));
        using var scope = torch.NewDisposeScope();
        Assert.True(Images(clean.Train).eq(Images(noisy.Train)).all().item<bool>(), "noise must leave the images alone");
    }

    [Fact]
    public void Real_split_noise_follows_the_split_seed_and_p_0_is_the_clean_split()
    {
        if (!Installed)
        {
            return;
        }

        var source = Datasets.Get(DatasetSpec.FashionMnist()).Train;
        foreach (var splitSeed in new[] { 1, 2 })
        {
            using var prepared = new PreparedDataCache(Datasets);
            var (trainIndices, _) = DataSplit.Indices(source.Count, 2000, 5000, splitSeed);
            var expected = LabelNoise.Apply(source.Labels, 10, 0.3, LabelNoise.SeedOf(splitSeed));

            Assert.Equal(trainIndices.Select(i => (long)expected[i]), Labels(prepared.Get(FashionMnist(0.3, splitSeed), torch.CPU).Train));
            Assert.Equal(trainIndices.Select(i => (long)source.Labels[i]), Labels(prepared.Get(FashionMnist(0, splitSeed), torch.CPU).Train));
        }

        Assert.NotEqual(LabelNoise.Apply(source.Labels, 10, 0.3, LabelNoise.SeedOf(1)), LabelNoise.Apply(source.Labels, 10, 0.3, LabelNoise.SeedOf(2)));
    }

    [Fact]
    public void A_training_subset_keeps_the_noisy_labels_it_has_in_the_whole_split()
    {
        var (train, test) = SyntheticImages.Generate(new SyntheticOptions(TrainCount: 600, TestCount: 10));
        using var whole = TrainingData.Create(train, test, classes: 4, validationSize: 100, trainSubsetSize: null, splitSeed: 3, torch.CPU, labelNoise: 0.5);
        using var subset = TrainingData.Create(train, test, classes: 4, validationSize: 100, trainSubsetSize: 200, splitSeed: 3, torch.CPU, labelNoise: 0.5);

        var wholeIndices = DataSplit.Indices(600, 100, null, 3).Train.ToList();
        var subsetIndices = DataSplit.Indices(600, 100, 200, 3).Train;
        var (wholeLabels, subsetLabels) = (Labels(whole.Train), Labels(subset.Train));
        Assert.Equal(subsetIndices.Select(i => wholeLabels[wholeIndices.IndexOf(i)]), subsetLabels);
    }

    private static long[] Labels(ImageDataset set)
    {
        using var scope = torch.NewDisposeScope();
        return set.Slice(0, set.Count).Labels.data<long>().ToArray();
    }

    private static torch.Tensor Images(ImageDataset set) => set.Slice(0, set.Count).Images;
}
