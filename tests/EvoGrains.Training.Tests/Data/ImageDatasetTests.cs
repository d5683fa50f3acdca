using EvoGrains.Training.Data;
using TorchSharp;

namespace EvoGrains.Training.Tests.Data;

public sealed class ImageDatasetTests
{
    [Fact]
    public void Batches_are_normalised_float32_with_int64_labels()
    {
        var (train, test) = SyntheticImages.Generate(new SyntheticOptions(TrainCount: 200, TestCount: 10));
        using var data = TrainingData.Create(train, test, classes: 4, validationSize: 50, trainSubsetSize: null, splitSeed: 0, torch.CPU);
        using var scope = torch.NewDisposeScope();

        var (images, labels) = data.Train.Slice(0, data.Train.Count);

        Assert.Equal(torch.ScalarType.Float32, images.dtype);
        Assert.Equal(torch.ScalarType.Int64, labels.dtype);
        Assert.Equal(new long[] { 150, 1, 16, 16 }, images.shape);
        Assert.Equal(0.0, images.mean().item<float>(), 3);
        Assert.Equal(1.0, images.std().item<float>(), 2);
        Assert.Equal(50, data.Validation.Count);
        Assert.Equal(10, data.Test!.Count);
    }

    [Fact]
    public void Sampler_is_seeded_and_covers_an_epoch_without_repeats()
    {
        using var scope = torch.NewDisposeScope();
        var a = new BatchSampler(count: 10, batchSize: 5, seed: 4, torch.CPU);
        var b = new BatchSampler(count: 10, batchSize: 5, seed: 4, torch.CPU);

        var epoch = a.Next().data<long>().Concat(a.Next().data<long>()).ToArray();

        Assert.Equal(epoch[..5], b.Next().data<long>().ToArray());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), epoch.Order());
    }
}
