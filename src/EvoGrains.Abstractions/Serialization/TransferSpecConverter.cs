using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>A transfer setting crosses grains and storage as its spec JSON, like <see cref="EvaluationSpecConverter"/>.</summary>
[RegisterConverter]
public sealed class TransferSpecConverter : IConverter<TransferSpec, TransferSpecConverter.Surrogate>
{
    public TransferSpec ConvertFromSurrogate(in Surrogate surrogate) => SearchSpecJson.FromWire<TransferSpec>(surrogate.Json);

    public Surrogate ConvertToSurrogate(in TransferSpec value) => new() { Json = SearchSpecJson.ToWire(value) };

    [GenerateSerializer, Immutable, Alias("evograins.transfer-spec")]
    public struct Surrogate
    {
        [Id(0)]
        public string Json { get; set; }
    }
}
