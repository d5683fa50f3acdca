using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="SearchSummary"/> (the state as its stable number).</summary>
[RegisterConverter]
public sealed class SearchSummaryConverter : IConverter<SearchSummary, SearchSummaryConverter.Surrogate>
{
    public SearchSummary ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.SearchId, surrogate.Name, (SearchState)surrogate.State, surrogate.CreatedAt, surrogate.UpdatedAt);

    public Surrogate ConvertToSurrogate(in SearchSummary value) => new()
    {
        SearchId = value.SearchId,
        Name = value.Name,
        State = (int)value.State,
        CreatedAt = value.CreatedAt,
        UpdatedAt = value.UpdatedAt,
    };

    [GenerateSerializer, Immutable, Alias("evograins.search-summary")]
    public struct Surrogate
    {
        [Id(0)]
        public string SearchId { get; set; }

        [Id(1)]
        public string Name { get; set; }

        [Id(2)]
        public int State { get; set; }

        [Id(3)]
        public DateTimeOffset CreatedAt { get; set; }

        [Id(4)]
        public DateTimeOffset UpdatedAt { get; set; }
    }
}
