namespace EvoGrains.Training.Data;

/// <summary>Reads the train or test part of a dataset into managed memory. Never downloads anything.</summary>
public static class DatasetLoader
{
    public static LabelledImages LoadTrain(DatasetSpec spec) => Load(spec, train: true);

    public static LabelledImages LoadTest(DatasetSpec spec) => Load(spec, train: false);

    /// <summary>Number of classes of the dataset (fixed by the kind; for synthetic sets, by the options).</summary>
    public static int ClassCount(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            DatasetKind.FashionMnist or DatasetKind.Mnist or DatasetKind.Kmnist or DatasetKind.Cifar10 => 10,
            DatasetKind.Cifar100 => spec.CoarseLabels ? 20 : 100,
            DatasetKind.Synthetic => (spec.Synthetic ?? new SyntheticOptions()).Classes,
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown dataset kind."),
        };
    }

    private static LabelledImages Load(DatasetSpec spec, bool train)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            DatasetKind.FashionMnist or DatasetKind.Mnist or DatasetKind.Kmnist => LoadIdx(spec, train),
            DatasetKind.Cifar10 => LoadCifar10(RequirePath(spec), train),
            DatasetKind.Cifar100 => LoadCifar100(RequirePath(spec), train, spec.CoarseLabels),
            DatasetKind.Synthetic => train
                ? SyntheticImages.Generate(spec.Synthetic ?? new SyntheticOptions()).Train
                : SyntheticImages.Generate(spec.Synthetic ?? new SyntheticOptions()).Test,
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown dataset kind."),
        };
    }

    private static LabelledImages LoadIdx(DatasetSpec spec, bool train)
    {
        var directory = spec.Path ?? (spec.Kind == DatasetKind.FashionMnist
            ? DatasetSpec.DefaultFashionMnistPath
            : throw new ArgumentException($"{spec.Kind} needs an explicit path.", nameof(spec)));
        var prefix = train ? "train" : "t10k";
        var images = DatasetFile.Resolve(directory, $"{prefix}-images-idx3-ubyte");
        var labels = DatasetFile.Resolve(directory, $"{prefix}-labels-idx1-ubyte");
        var set = IdxReader.Read(images, labels);
        CheckLabels(labels, set, ClassCount(spec));
        return set;
    }

    private static LabelledImages LoadCifar10(string directory, bool train)
    {
        var files = train ? CifarReader.Cifar10TrainFiles : [CifarReader.Cifar10TestFile];
        return CifarReader.ReadBatches(files.Select(f => Path.Combine(directory, f)), labelBytes: 1, labelIndex: 0, maxLabel: 9);
    }

    private static LabelledImages LoadCifar100(string directory, bool train, bool coarse)
    {
        var file = Path.Combine(directory, train ? CifarReader.Cifar100TrainFile : CifarReader.Cifar100TestFile);
        return coarse
            ? CifarReader.ReadBatch(file, labelBytes: 2, labelIndex: 0, maxLabel: 19)
            : CifarReader.ReadBatch(file, labelBytes: 2, labelIndex: 1, maxLabel: 99);
    }

    private static string RequirePath(DatasetSpec spec) =>
        spec.Path ?? throw new ArgumentException($"{spec.Kind} needs an explicit path.", nameof(spec));

    private static void CheckLabels(string path, LabelledImages set, int classes)
    {
        var max = set.Labels.Length == 0 ? 0 : set.Labels.Max();
        if (max >= classes)
        {
            throw DatasetException.ForFile(path, $"expected labels in 0..{classes - 1}, found {max}");
        }
    }
}
