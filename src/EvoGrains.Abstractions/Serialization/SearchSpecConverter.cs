using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>
/// A spec crosses grains and storage as its canonical JSON, so a field added to any part of the spec needs no
/// codec change. Receivers get a <see cref="SearchSpec"/> once per message, never a string to parse.
/// </summary>
[RegisterConverter]
public sealed class SearchSpecConverter : IConverter<SearchSpec, SearchSpecConverter.Surrogate>
{
    public SearchSpec ConvertFromSurrogate(in Surrogate surrogate) => SearchSpecJson.FromWire<SearchSpec>(surrogate.Json);

    public Surrogate ConvertToSurrogate(in SearchSpec value) => new() { Json = SearchSpecJson.ToWire(value) };

    [GenerateSerializer, Immutable, Alias("evograins.search-spec")]
    public struct Surrogate
    {
        [Id(0)]
        public string Json { get; set; }
    }
}
