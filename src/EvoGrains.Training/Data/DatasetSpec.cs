namespace EvoGrains.Training.Data;

/// <summary>Which dataset to read and from where. Value equality makes it usable as a cache key.</summary>
/// <param name="Kind">Dataset family; selects the file layout.</param>
/// <param name="Path">Directory holding the files; null means the default location for the kind.</param>
/// <param name="CoarseLabels">CIFAR-100 only: use the 20 coarse labels instead of the 100 fine ones.</param>
/// <param name="Synthetic">Synthetic only: generator options; null means the defaults.</param>
public sealed record DatasetSpec(
    DatasetKind Kind,
    string? Path = null,
    bool CoarseLabels = false,
    SyntheticOptions? Synthetic = null)
{
    public const string DefaultFashionMnistPath = "/usr/share/datasets/fashion-mnist";

    public static DatasetSpec FashionMnist(string? path = null) => new(DatasetKind.FashionMnist, path);

    public static DatasetSpec SyntheticSet(SyntheticOptions? options = null) => new(DatasetKind.Synthetic, Synthetic: options ?? new SyntheticOptions());
}
