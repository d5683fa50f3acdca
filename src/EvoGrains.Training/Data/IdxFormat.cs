namespace EvoGrains.Training.Data;

/// <summary>
/// MNIST-style IDX files in one folder: train-* and t10k-* images and labels, gzip or raw; 10 classes.
/// </summary>
internal sealed class IdxFormat : IDatasetFormat
{
    private const int Classes = 10;

    public LoadedDataset Load(DatasetSpec spec) =>
        new(Read(spec.Location, "train"), Read(spec.Location, "t10k"), LoadedDataset.Numbered(Classes));

    private static LabelledImages Read(string directory, string prefix)
    {
        var images = DatasetFile.Resolve(directory, $"{prefix}-images-idx3-ubyte");
        var labels = DatasetFile.Resolve(directory, $"{prefix}-labels-idx1-ubyte");
        var set = IdxReader.Read(images, labels);
        var max = set.Labels.Length == 0 ? 0 : set.Labels.Max();
        return max < Classes
            ? set
            : throw DatasetException.ForFile(labels, $"expected labels in 0..{Classes - 1}, found {max}");
    }
}
