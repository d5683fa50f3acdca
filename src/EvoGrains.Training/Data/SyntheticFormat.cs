namespace EvoGrains.Training.Data;

/// <summary>The seeded synthetic images of <see cref="SyntheticImages"/>; reads no files.</summary>
internal sealed class SyntheticFormat : IDatasetFormat
{
    public LoadedDataset Load(DatasetSpec spec)
    {
        var options = spec.Synthetic ?? new SyntheticOptions();
        var (train, test) = SyntheticImages.Generate(options);
        return new LoadedDataset(train, test, LoadedDataset.Numbered(options.Classes));
    }
}
