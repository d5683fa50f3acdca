using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>
/// An evaluation spec crosses grains and storage as its canonical JSON, so a field added to the evaluation spec needs no
/// codec change. Receivers get a <see cref="EvaluationSpec"/> once per message, never a string to parse.
/// </summary>
[RegisterConverter]
public sealed class EvaluationSpecConverter : IConverter<EvaluationSpec, EvaluationSpecConverter.Surrogate>
{
    public EvaluationSpec ConvertFromSurrogate(in Surrogate surrogate) => SearchSpecJson.FromWire<EvaluationSpec>(surrogate.Json);

    public Surrogate ConvertToSurrogate(in EvaluationSpec value) => new() { Json = SearchSpecJson.ToWire(value) };

    [GenerateSerializer, Immutable, Alias("evograins.evaluation-spec")]
    public struct Surrogate
    {
        [Id(0)]
        public string Json { get; set; }
    }
}
