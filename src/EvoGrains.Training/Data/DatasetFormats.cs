using System.Collections.Frozen;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Training.Data;

/// <summary>
/// The reader of every dataset of <see cref="DatasetRegistry"/> (Core's list, which the validator, help and docs read):
/// a dataset is added there and here, and a test checks that the two name the same datasets.
/// </summary>
internal static class DatasetFormats
{
    private static readonly IdxFormat Idx = new();
    private static readonly CifarFormat Cifar100 = new(CifarFormat.Variant.Cifar100Fine);

    public static FrozenDictionary<string, IDatasetFormat> ByName { get; } =
        new Dictionary<string, IDatasetFormat>(StringComparer.Ordinal)
        {
            ["fashion-mnist"] = Idx,
            ["mnist"] = Idx,
            ["kmnist"] = Idx,
            ["cifar10"] = new CifarFormat(CifarFormat.Variant.Cifar10),
            ["cifar100"] = Cifar100,
            ["cifar100-coarse"] = new CifarFormat(CifarFormat.Variant.Cifar100Coarse),
            [DatasetRegistry.Folder.Name] = new FolderFormat(),
            [DatasetRegistry.Npz.Name] = new NpzFormat(),
            [DatasetRegistry.Synthetic.Name] = new SyntheticFormat(),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The registry has no dataset of that name.</exception>
    public static IDatasetFormat Of(string name) => ByName.GetValueOrDefault(DatasetRegistry.Get(name).Name)
        ?? throw new InvalidOperationException($"the {name} dataset has no reader");
}
