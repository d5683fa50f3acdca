using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="TransferResult"/>.</summary>
[RegisterConverter]
public sealed class TransferResultConverter : IConverter<TransferResult, TransferResultConverter.Surrogate>
{
    public TransferResult ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Name, surrogate.Setting, surrogate.Differences, surrogate.Steps, surrogate.Seeds, surrogate.Rows);

    public Surrogate ConvertToSurrogate(in TransferResult value) => new()
    {
        Name = value.Name,
        Setting = value.Setting,
        Differences = value.Differences,
        Steps = value.Steps,
        Seeds = value.Seeds,
        Rows = value.Rows,
    };

    [GenerateSerializer, Immutable, Alias("evograins.transfer-result")]
    public struct Surrogate
    {
        [Id(0)]
        public string Name { get; set; }

        [Id(1)]
        public TransferSpec Setting { get; set; }

        [Id(2)]
        public string Differences { get; set; }

        [Id(3)]
        public int Steps { get; set; }

        [Id(4)]
        public int Seeds { get; set; }

        [Id(5)]
        public IReadOnlyList<ComparisonRow> Rows { get; set; }
    }
}
