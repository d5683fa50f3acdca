using static TorchSharp.torch;

namespace EvoGrains.Training.Data;

/// <summary>The device-resident train/validation (and optionally test) sets of one training run.</summary>
public sealed class TrainingData : IDisposable
{
    private TrainingData(ImageDataset train, ImageDataset validation, ImageDataset? test, int classes)
    {
        Train = train;
        Validation = validation;
        Test = test;
        Classes = classes;
    }

    public ImageDataset Train { get; }

    public ImageDataset Validation { get; }

    /// <summary>Null unless the test set was asked for: it is only for final reports.</summary>
    public ImageDataset? Test { get; }

    public int Classes { get; }

    public ImageShape Shape => Train.Shape;

    public static TrainingData Create(
        LabelledImages trainSource,
        LabelledImages? testSource,
        int classes,
        int validationSize,
        int? trainSubsetSize,
        int splitSeed,
        Device device,
        double labelNoise = 0)
    {
        ArgumentNullException.ThrowIfNull(trainSource);
        var (trainIndices, validationIndices) =
            DataSplit.Indices(trainSource.Count, validationSize, trainSubsetSize, splitSeed);
        // Noise is drawn over the whole source by image index and taken for the training indices only:
        // validation and test labels stay clean, and the pixels are shared, not copied.
        var noisy = new LabelledImages(
            trainSource.Pixels,
            LabelNoise.Apply(trainSource.Labels, classes, labelNoise, LabelNoise.SeedOf(splitSeed)),
            trainSource.Shape);
        var train = noisy.Select(trainIndices);
        // Normalisation statistics come from the training portion only, so nothing leaks from validation or test.
        var statistics = ChannelStatistics.Compute(train);
        var datasets = new List<IDisposable>();
        try
        {
            var trainSet = Track(datasets, new ImageDataset(train, statistics, device));
            var validationSet =
                Track(datasets, new ImageDataset(trainSource.Select(validationIndices), statistics, device));
            var testSet = testSource is null ? null : Track(datasets, new ImageDataset(testSource, statistics, device));
            return new TrainingData(trainSet, validationSet, testSet, classes);
        }
        catch
        {
            datasets.ForEach(d => d.Dispose());
            throw;
        }
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test?.Dispose();
    }

    private static ImageDataset Track(List<IDisposable> owned, ImageDataset dataset)
    {
        owned.Add(dataset);
        return dataset;
    }
}
