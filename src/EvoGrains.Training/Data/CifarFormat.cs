namespace EvoGrains.Training.Data;

/// <summary>CIFAR binary batches in one folder: CIFAR-10's five training batches and test batch, or CIFAR-100's
/// train.bin and test.bin with their fine (100) or coarse (20) labels.</summary>
internal sealed class CifarFormat(CifarFormat.Variant variant) : IDatasetFormat
{
    public enum Variant
    {
        Cifar10,
        Cifar100Fine,
        Cifar100Coarse,
    }

    public LoadedDataset Load(DatasetSpec spec)
    {
        var directory = spec.Location;
        if (variant == Variant.Cifar10)
        {
            return new(
                CifarReader.ReadBatches(
                    CifarReader.Cifar10TrainFiles.Select(f => Path.Combine(directory, f)), labelBytes: 1,
                    labelIndex: 0, maxLabel: 9),
                CifarReader.ReadBatch(
                    Path.Combine(directory, CifarReader.Cifar10TestFile), labelBytes: 1, labelIndex: 0, maxLabel: 9),
                LoadedDataset.Numbered(10));
        }

        var (index, classes) = variant == Variant.Cifar100Coarse ? (0, 20) : (1, 100);
        return new(
            CifarReader.ReadBatch(
                Path.Combine(directory, CifarReader.Cifar100TrainFile), labelBytes: 2, index, maxLabel: classes - 1),
            CifarReader.ReadBatch(
                Path.Combine(directory, CifarReader.Cifar100TestFile), labelBytes: 2, index, maxLabel: classes - 1),
            LoadedDataset.Numbered(classes));
    }
}
